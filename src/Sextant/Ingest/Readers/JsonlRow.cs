using System.Text.Json;

namespace Sextant.Ingest.Readers;

/// <summary>One line of a JSON-lines file; owns its parsed document until disposed.</summary>
internal sealed class JsonlRow : IDisposable
{
    private readonly JsonDocument? _document;

    public JsonlRow(long line, string rawText, string? error, byte[]? rawBytes, JsonDocument? document)
    {
        Line = line;
        RawText = rawText;
        Error = error;
        RawBytes = rawBytes;
        _document = document;
    }

    /// <summary>1-based line number.</summary>
    public long Line { get; }

    /// <summary>The line as text.</summary>
    public string RawText { get; }

    /// <summary>Why the line cannot be used, or null.</summary>
    public string? Error { get; }

    /// <summary>The exact bytes, when they are not valid UTF-8.</summary>
    public byte[]? RawBytes { get; }

    /// <summary>The object on the line; valid only when <see cref="Error"/> is null.</summary>
    public JsonElement Root => _document?.RootElement ?? default;

    public void Dispose() => _document?.Dispose();
}
