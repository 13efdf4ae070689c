using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Sextant.Storage;
using Sextant.Storage.Sqlite;

namespace Sextant.Bench.Scale;

internal static class DictionaryProbe
{
    public static int Run()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var c = connection.CreateCommand()) { c.CommandText = "CREATE TABLE dictionary_segments(kind INTEGER, first_code INTEGER, count INTEGER, data BLOB)"; c.ExecuteNonQuery(); }
        var d = new StoreDictionaries(connection);
        var random = new Random(1);
        var users = Enumerable.Range(0, 50_000).Select(i => "u" + i).ToArray();
        var sessions = Enumerable.Range(0, 250_000).Select(i => "s" + i).ToArray();
        var w = Stopwatch.StartNew();
        long sum = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            sum += d.GetOrAdd(DictionaryKind.UserId, users[random.Next(users.Length)]);
            sum += d.GetOrAdd(DictionaryKind.AnonymousId, null);
            sum += d.GetOrAdd(DictionaryKind.EventName, "edit_page");
            sum += d.GetOrAdd(DictionaryKind.Platform, "web");
            sum += d.GetOrAdd(DictionaryKind.SessionId, sessions[random.Next(sessions.Length)]);
            sum += d.GetOrAdd(DictionaryKind.WorkspaceId, users[random.Next(10_000)]);
            sum += d.GetOrAdd(DictionaryKind.Source, "csv");
        }
        Console.WriteLine($"7 GetOrAdd x 1M: {w.ElapsedMilliseconds} ms ({sum})");
        return 0;
    }
}
