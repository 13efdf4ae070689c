namespace Sextant.Storage.Warehouse;

/// <summary>Database errors as one-line <see cref="SextantException"/>s that name where the database is.</summary>
internal static class WarehouseErrors
{
    /// <summary>"LOCATION WHAT: the database's message", its first line only (drivers append context lines and carets).</summary>
    public static SextantException Refused(string location, string what, Exception exception) =>
        new($"{location} {what}: {FirstLine(exception.Message)}", exception);

    /// <summary>The first non-empty line of a message, trimmed.</summary>
    public static string FirstLine(string message)
    {
        foreach (var line in message.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0) return trimmed;
        }
        return message.Trim();
    }
}
