namespace Sextant.Events;

/// <summary>
/// A dictionary-encoded string column: <see cref="Codes"/>[i] indexes <see cref="Values"/>,
/// and code 0 means "no value".
/// </summary>
public sealed class CodedColumn
{
    internal CodedColumn(int[] codes, string[] values)
    {
        Codes = codes;
        Values = values;
    }

    /// <summary>Per-row codes; 0 = missing, otherwise 1 + index into <see cref="Values"/>.</summary>
    public int[] Codes { get; }

    /// <summary>Distinct values; code c stands for Values[c - 1].</summary>
    public string[] Values { get; }

    /// <summary>The value of row <paramref name="row"/>, or null.</summary>
    public string? this[int row] => Codes[row] == 0 ? null : Values[Codes[row] - 1];

    /// <summary>Encodes strings; null stays missing.</summary>
    public static CodedColumn Encode(IReadOnlyList<string?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var distinct = new List<string>();
        var codes = new int[values.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            var value = values[i];
            if (value is null) continue;
            if (!lookup.TryGetValue(value, out var code))
            {
                distinct.Add(value);
                code = distinct.Count;
                lookup.Add(value, code);
            }
            codes[i] = code;
        }
        return new CodedColumn(codes, [.. distinct]);
    }
}
