using Sextant.Events;

namespace Sextant.Tests.Storage.Warehouse.Store;

/// <summary>
/// Compares two EventTables by what they mean rather than by entity number: a warehouse codes users
/// in its own order, so every entity is named by its user key.
/// </summary>
internal static class TableComparison
{
    public static void AssertSameMeaning(EventTable expected, EventTable actual, params string[] properties)
    {
        Assert.Equal(expected.EventCount, actual.EventCount);
        Assert.Equal(expected.SignedUpUserCount, actual.SignedUpUserCount);
        Assert.Equal(expected.UserCount, actual.UserCount);
        Assert.Equal((expected.MinTimestamp, expected.MaxTimestamp), (actual.MinTimestamp, actual.MaxTimestamp));
        Assert.Equal(ByStoreRow(expected), ByStoreRow(actual));
        Assert.Equal(Users(expected), Users(actual));
        Assert.Equal(Subscriptions(expected), Subscriptions(actual));
        Assert.Equal(Assignments(expected), Assignments(actual));
        foreach (var name in new[] { "platform", "session_id", "workspace_id", "revenue", "source", "event_id" }.Concat(properties))
            Assert.Equal(Decoded(expected.Property(name)), Decoded(actual.Property(name)));
    }

    /// <summary>Per store row: whose event it is (after identity resolution), when and what.</summary>
    private static List<(string User, long Time, string Event)> ByStoreRow(EventTable table)
    {
        var rows = new (string, long, string)[table.EventCount];
        for (var user = 0; user < table.UserCount; user++)
            for (var i = table.UserOffsets[user]; i < table.UserOffsets[user + 1]; i++)
                rows[table.StoreRows[i]] = (table.UserKeys[user], table.Timestamps[i], table.EventNames[table.EventCodes[i]]);
        return [.. rows];
    }

    /// <summary>Per user key: signed up or visitor, sign-up instant and every attribute value.</summary>
    private static List<string> Users(EventTable table)
    {
        var users = new List<string>();
        for (var user = 0; user < table.UserCount; user++)
        {
            var attributes = table.Attributes.Names.Select(name =>
            {
                var column = table.Attributes[name]!;
                var code = column.Codes[user];
                return $"{name}={(code == 0 ? "" : column.Values[code - 1])}";
            });
            users.Add($"{table.UserKeys[user]}|{table.IsVisitor(user)}|{(user < table.SignupAt.Length ? table.SignupAt[user] : 0)}|{string.Join(",", attributes.Order(StringComparer.Ordinal))}");
        }
        users.Sort(StringComparer.Ordinal);
        return users;
    }

    private static List<string> Subscriptions(EventTable table)
    {
        var s = table.Subscriptions;
        return [.. Enumerable.Range(0, s.Count).Select(i => $"{table.UserKeys[s.User[i]]}|{s.Start[i]}|{s.End[i]}|{s.Mrr[i]}|{s.Currency[i]}|{s.Trial[i]}").Order(StringComparer.Ordinal)];
    }

    private static List<string> Assignments(EventTable table)
    {
        var a = table.Assignments;
        return [.. Enumerable.Range(0, a.Count).Select(i => $"{a.ExperimentNames[a.Experiment[i]]}|{table.UserKeys[a.User[i]]}|{a.Variant[i]}|{a.AssignedAt[i]}").Order(StringComparer.Ordinal)];
    }

    private static List<string?> Decoded(CodedColumn column) => [.. column.Codes.Select(code => code == 0 ? null : column.Values[code - 1])];
}
