using Sextant.Ingest;
using Sextant.Ingest.Vendors;

namespace Sextant.Connectors;

/// <summary>
/// Pulls a range of days from one export API, day by day: a day recorded in the checkpoint file
/// is skipped (unless refreshing), a day that broke off is pulled again whole (its event ids make
/// the second pass store only what the first missed), and a finished day is recorded once it is
/// over everywhere (<see cref="PullOptions.Settle"/>), so today is always pulled again.
/// </summary>
internal sealed class PullRunner
{
    private readonly IExportApi _api;
    private readonly PullSession _session;
    private readonly PullCheckpoints _checkpoints;
    private readonly PullOptions _options;
    private readonly TimeProvider _clock;

    public PullRunner(IExportApi api, PullSession session, PullCheckpoints checkpoints, PullOptions options, TimeProvider clock)
    {
        _api = api;
        _session = session;
        _checkpoints = checkpoints;
        _options = options;
        _clock = clock;
    }

    /// <summary>
    /// A sink that ingests each answer into the store with the format named after the vendor
    /// (<see cref="VendorFormats.Named"/>).
    /// </summary>
    public static Func<VendorItemReader, string, IngestFileResult> IngestInto(Ingestor ingestor, string vendor)
    {
        var format = VendorFormats.Named(vendor)!;
        return (items, name) => ingestor.Ingest(format, items, name).Files[0];
    }

    /// <summary>Pulls <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    /// <param name="from">The first UTC day.</param>
    /// <param name="to">The last UTC day.</param>
    /// <param name="quarantineFile">Where the sink writes bad items (reported, not written here).</param>
    public PullResult Run(DateOnly from, DateOnly to, string quarantineFile)
    {
        if (to < from) throw new SextantException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        var source = _session.Settings.SourceKey;
        var days = new List<PullDayResult>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!_options.Refresh && _checkpoints.IsDone(source, day))
            {
                days.Add(new PullDayResult(day, 0, 0, 0, 0, 0, 0, "skipped"));
                continue;
            }
            _session.BeginDay();
            try
            {
                PullWithRetries(day);
            }
            catch (SextantException exception)
            {
                days.Add(Sum(day, "failed"));
                return new PullResult(_api.Name, days, _checkpoints.Path, quarantineFile, exception.Message);
            }
            var over = _clock.GetUtcNow() >= new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + _options.Settle;
            var result = Sum(day, over ? "saved" : "open");
            if (over) _checkpoints.MarkDone(source, result, _clock.GetUtcNow());
            days.Add(result);
        }
        return new PullResult(_api.Name, days, _checkpoints.Path, quarantineFile, null);
    }

    private void PullWithRetries(DateOnly day)
    {
        // What the first attempt stored stays stored; the counts are the last attempt's, whose
        // duplicates are what the broken attempts had already stored.
        try
        {
            _session.Retry.Execute(() =>
            {
                _session.BeginAttempt();
                _api.PullDay(day, _session);
            });
        }
        catch (Exception exception) when (PullRetry.IsTransient(exception))
        {
            throw new SextantException($"{_api.Name} {day:yyyy-MM-dd}: the answer broke off, {Attempts(_options.Retry)} ({Innermost(exception)}); run the same command later to resume");
        }
    }

    private PullDayResult Sum(DateOnly day, string checkpoint)
    {
        var results = _session.DayResults;
        return new PullDayResult(day, results.Sum(r => r.Read), results.Sum(r => r.Inserted), results.Sum(r => r.Updated),
            results.Sum(r => r.Duplicates), results.Sum(r => r.Quarantined), _session.Retries, checkpoint);
    }

    /// <summary>"after 1 attempt", "after 6 attempts".</summary>
    internal static string Attempts(PullRetryOptions retry) => retry.MaxRetries < 1 ? "after 1 attempt" : $"after {retry.MaxRetries + 1} attempts";

    private static string Innermost(Exception exception)
    {
        var current = exception;
        while (current.InnerException is not null && current is not TruncatedAnswerException) current = current.InnerException;
        return current.Message;
    }
}
