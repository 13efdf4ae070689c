using System.Text.Json;

namespace Sextant.Ingest.Mapping;

/// <summary>
/// One source row after column mapping: the text of each canonical slot (trimmed; empty = null)
/// and the columns that map nowhere, which become event properties or user traits.
/// </summary>
internal sealed class MappedRow
{
    private readonly string?[] _values;
    private readonly bool[] _isJson;
    private readonly bool[] _isNumber;

    public MappedRow(int slotCount)
    {
        _values = new string?[slotCount];
        _isJson = new bool[slotCount];
        _isNumber = new bool[slotCount];
    }

    /// <summary>Extra columns: CSV text (typed on output) or raw JSON from a JSON source.</summary>
    public List<(string Name, string? Text, JsonElement? Json)> Extras { get; } = [];

    public string? this[int slot] => slot < 0 ? null : _values[slot];

    /// <summary>True when the slot's text is raw JSON (an object or array from a JSON source).</summary>
    public bool IsJson(int slot) => slot >= 0 && _isJson[slot];

    /// <summary>True when the slot's text is a JSON number (so '.' is its decimal point and it may have an exponent).</summary>
    public bool IsNumber(int slot) => slot >= 0 && _isNumber[slot];

    public void Clear()
    {
        Array.Clear(_values);
        Array.Clear(_isJson);
        Array.Clear(_isNumber);
        Extras.Clear();
    }

    public void Set(int slot, string? text, bool isJson = false, bool isNumber = false)
    {
        if (text is not null)
        {
            text = text.Trim();
            if (text.Length == 0) text = null;
        }
        _values[slot] = text;
        _isJson[slot] = isJson && text is not null;
        _isNumber[slot] = isNumber && text is not null;
    }
}
