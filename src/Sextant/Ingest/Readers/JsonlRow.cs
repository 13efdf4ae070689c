using System.Text.Json;

namespace Sextant.Ingest.Readers;

/// <summary>One line of a JSON-lines file; owns its parsed document until disposed.</summary>
internal sealed class JsonlRow : IDisposable
{
    private readonly JsonDocument? _document;
    private readonly JsonElement _element;

    public JsonlRow(long line, string rawText, string? error, byte[]? rawBytes, JsonDocument? document)
    {
        Line = line;
        RawText = rawText;
        Error = error;
        RawBytes = rawBytes;
        _document = document;
    }

    /// <summary>An item of a JSON document read whole (its owner keeps the document alive).</summary>
    public JsonlRow(long line, JsonElement element)
    {
        Line = line;
        RawText = element.GetRawText();
        _element = element;
    }

    /// <summary>1-based line number (the item's number for an item of a JSON document).</summary>
    public long Line { get; }

    /// <summary>The line as text.</summary>
    public string RawText { get; }

    /// <summary>Why the line cannot be used, or null.</summary>
    public string? Error { get; }

    /// <summary>The exact bytes, when they are not valid UTF-8.</summary>
    public byte[]? RawBytes { get; }

    /// <summary>The object on the line; valid only when <see cref="Error"/> is null.</summary>
    public JsonElement Root => _document?.RootElement ?? _element;

    public void Dispose() => _document?.Dispose();
}
