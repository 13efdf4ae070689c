namespace Sextant.Storage.Warehouse;

/// <summary>Database errors as one-line <see cref="SextantException"/>s that name where the database is.</summary>
internal static class WarehouseErrors
{
    /// <summary>"LOCATION WHAT: the database's message", its first line only (drivers append context lines and carets).</summary>
    public static SextantException Refused(string location, string what, Exception exception)
    {
        var message = $"{location} {what}: {FirstLine(exception.Message)}";
        // PostgreSQL's out_of_memory (SQLSTATE 53200) and DuckDB's "Out of Memory Error".
        var outOfMemory = exception is Npgsql.PostgresException { SqlState: "53200" } || exception.Message.Contains("Out of Memory Error", StringComparison.Ordinal);
        return outOfMemory ? new SextantException(message, new WarehouseLimitException(FirstLine(exception.Message), exception)) : new SextantException(message, exception);
    }

    /// <summary>A statement ClickHouse answered with an error text; code 241 is its per-query memory limit.</summary>
    public static SextantException ClickHouseRefused(string location, string text)
    {
        var message = $"{location} refused the statement: {FirstLine(text)}";
        return text.Contains("Code: 241,", StringComparison.Ordinal) ? new SextantException(message, new WarehouseLimitException(FirstLine(text))) : new SextantException(message);
    }

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
