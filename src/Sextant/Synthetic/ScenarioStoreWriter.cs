using Sextant.Storage;

namespace Sextant.Synthetic;

/// <summary>Writes generated records straight into a store, skipping CSV, in committed batches.</summary>
public static class ScenarioStoreWriter
{
    private const int BatchSize = 65_536;

    /// <summary>Stores users, events, subscriptions and assignments; returns the events inserted.</summary>
    public static long Write(GeneratedData data, IStoreWriter store)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(store);
        using var session = store.OpenSession();
        long inserted = 0;

        void InBatches<T>(IReadOnlyList<T> records, Action<IReadOnlyList<T>, IIngestBatch> write)
        {
            for (var start = 0; start < records.Count; start += BatchSize)
            {
                using var batch = session.BeginBatch();
                write(records.Skip(start).Take(BatchSize).ToList(), batch);
                batch.Commit();
            }
        }

        InBatches(data.Users, (batch, writer) => { foreach (var user in batch) writer.WriteUser(user); });
        InBatches(data.Events, (batch, writer) => inserted += writer.AppendEvents(batch, run: 0));
        InBatches(data.Subscriptions, (batch, writer) => { foreach (var subscription in batch) writer.WriteSubscription(subscription); });
        InBatches(data.Assignments, (batch, writer) => { foreach (var assignment in batch) writer.WriteAssignment(assignment); });
        return inserted;
    }
}
