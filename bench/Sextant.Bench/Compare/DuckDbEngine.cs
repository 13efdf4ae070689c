using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Sextant.Bench.Compare;

/// <summary>
/// The questions on a DuckDB file, in process. Each question opens the file, runs its query,
/// reads every row and closes, so its time includes opening the database as Sextant's does.
/// </summary>
internal sealed class DuckDbEngine(string path) : IComparedEngine
{
    public string Name => "DuckDB";

    public string Timed => "opening the database file + the query, in this process";

    public string? Caveat => null;

    /// <summary>Loads both CSV files into new tables; returns the events and profiles load times.</summary>
    public (TimeSpan Events, TimeSpan Profiles) Load(string eventsCsv, string profilesCsv)
    {
        using var connection = Open();
        var watch = Stopwatch.StartNew();
        Execute(connection, $"CREATE TABLE events AS {ReadEvents(eventsCsv)}");
        var events = watch.Elapsed;
        watch.Restart();
        Execute(connection, $"""
            CREATE TABLE profiles AS SELECT * FROM read_csv({Literal(profilesCsv)}, header = true, columns = {'{'}
                'user_id': 'VARCHAR', 'signup_at': 'TIMESTAMP', 'segment': 'VARCHAR', 'channel': 'VARCHAR', 'plan': 'VARCHAR',
                'country': 'VARCHAR', 'platform': 'VARCHAR', 'workspace_id': 'VARCHAR', 'traits': 'VARCHAR'{'}'})
            """);
        Execute(connection, "CHECKPOINT");
        return (events, watch.Elapsed);
    }

    /// <summary>Appends an events CSV file (the columns of the loaded one) to the events table; returns the time, checkpoint included.</summary>
    public TimeSpan Append(string eventsCsv)
    {
        using var connection = Open();
        var watch = Stopwatch.StartNew();
        Execute(connection, $"INSERT INTO events {ReadEvents(eventsCsv)}");
        Execute(connection, "CHECKPOINT");
        return watch.Elapsed;
    }

    /// <summary>Opens the file, runs a query and reads every row as text; returns the rows and the time of it all.</summary>
    public (List<string[]> Rows, TimeSpan Elapsed) Query(string sql)
    {
        var watch = Stopwatch.StartNew();
        var rows = new List<string[]>();
        using (var connection = Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)]);
        }
        return (rows, watch.Elapsed);
    }

    /// <summary>Events with no user id: Sextant would attribute them by identity resolution, which the SQL here leaves out.</summary>
    public long EventsWithoutUserId()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events WHERE user_id IS NULL OR user_id = ''";
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public Reply Ask(Question question)
    {
        var (rows, elapsed) = Query(Questions.DuckDbSql(question));
        return new Reply(Questions.FromRows(question, rows), elapsed);
    }

    private DuckDBConnection Open()
    {
        var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        return connection;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string ReadEvents(string eventsCsv) => $"""
        SELECT * FROM read_csv({Literal(eventsCsv)}, header = true, columns = {'{'}
            'event_id': 'VARCHAR', 'user_id': 'VARCHAR', 'anonymous_id': 'VARCHAR', 'event': 'VARCHAR', 'timestamp': 'TIMESTAMP',
            'platform': 'VARCHAR', 'session_id': 'VARCHAR', 'workspace_id': 'VARCHAR', 'revenue': 'DOUBLE', 'properties': 'VARCHAR', 'source': 'VARCHAR'{'}'})
        """;

    private static string Literal(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
