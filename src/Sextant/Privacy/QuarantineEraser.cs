using System.Text;
using System.Text.Json;

namespace Sextant.Privacy;

/// <summary>
/// Removes a person's rows from the quarantine file. A row is theirs when its raw text (or its
/// raw bytes, for a row that was not UTF-8) holds one of their ids as a whole value: not inside a
/// longer id, so forgetting <c>u1</c> keeps the rows of <c>u10</c>. The file is rewritten beside
/// itself and renamed over the old one; a line that is not a quarantine row is kept.
/// </summary>
public static class QuarantineEraser
{
    /// <summary>The rows of <paramref name="path"/> that hold one of <paramref name="ids"/> (0 when there is no file).</summary>
    public static long Count(string path, IReadOnlyCollection<string> ids) =>
        File.Exists(path) ? File.ReadLines(path).LongCount(line => Holds(line, ids)) : 0;

    /// <summary>Rewrites <paramref name="path"/> without the rows holding one of <paramref name="ids"/>; returns how many went.</summary>
    public static long Remove(string path, IReadOnlyCollection<string> ids)
    {
        if (!File.Exists(path)) return 0;
        var temporary = path + ".forget";
        long removed = 0;
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
        {
            foreach (var line in File.ReadLines(path))
            {
                if (Holds(line, ids))
                {
                    removed++;
                    continue;
                }
                writer.Write(line);
                writer.Write('\n');
            }
        }
        if (removed == 0)
        {
            File.Delete(temporary);
            return 0;
        }
        File.Move(temporary, path, overwrite: true);
        return removed;
    }

    private static bool Holds(string line, IReadOnlyCollection<string> ids)
    {
        string raw;
        try
        {
            using var row = JsonDocument.Parse(line);
            if (row.RootElement.ValueKind != JsonValueKind.Object) return false;
            raw = row.RootElement.TryGetProperty("raw", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
            if (row.RootElement.TryGetProperty("raw_base64", out var bytes) && bytes.ValueKind == JsonValueKind.String && bytes.TryGetBytesFromBase64(out var decoded))
                raw += "\n" + Encoding.UTF8.GetString(decoded);
        }
        catch (JsonException)
        {
            return false;
        }
        foreach (var id in ids)
            if (HoldsWhole(raw, id)) return true;
        return false;
    }

    /// <summary>True when <paramref name="id"/> occurs in <paramref name="text"/> with no id character either side.</summary>
    internal static bool HoldsWhole(string text, string id)
    {
        if (id.Length == 0) return false;
        for (var at = text.IndexOf(id, StringComparison.Ordinal); at >= 0; at = text.IndexOf(id, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 ? ' ' : text[at - 1];
            var after = at + id.Length >= text.Length ? ' ' : text[at + id.Length];
            if (!IsIdCharacter(before) && !IsIdCharacter(after)) return true;
        }
        return false;
    }

    private static bool IsIdCharacter(char c) => char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '@' or '+';
}
