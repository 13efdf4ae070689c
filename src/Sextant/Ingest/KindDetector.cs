using Sextant.Events;
using Sextant.Ingest.Mapping;

namespace Sextant.Ingest;

/// <summary>Guesses the record kind of a file from its column names when --kind is not given.</summary>
internal static class KindDetector
{
    public static RecordKind FromColumns(IReadOnlyList<string> columns, IngestOptions options, string path)
    {
        bool Has(RecordKind kind, string canonical)
        {
            var explicitMap = options.MapFor(kind);
            return columns.Any(c => (explicitMap.TryGetValue(c, out var target) ? target : CanonicalColumns.AutoMap(kind, c)) == canonical);
        }

        if (Has(RecordKind.Subscriptions, "subscription_id") || Has(RecordKind.Subscriptions, "mrr"))
            return RecordKind.Subscriptions;
        if (Has(RecordKind.Assignments, "experiment") && Has(RecordKind.Assignments, "variant"))
            return RecordKind.Assignments;
        if (Has(RecordKind.Events, "event"))
            return RecordKind.Events;
        if (Has(RecordKind.Users, "user_id")
            && (Has(RecordKind.Users, "signup_at") || Has(RecordKind.Users, "segment") || Has(RecordKind.Users, "plan") || Has(RecordKind.Users, "channel")))
            return RecordKind.Users;
        throw new SextantException(
            $"'{path}': cannot tell which records it holds from its columns ({string.Join(", ", columns)}); pass --kind events|users|subscriptions|assignments");
    }
}
