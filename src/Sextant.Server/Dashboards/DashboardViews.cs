using System.Collections.Concurrent;
using Sextant.Application;
using Sextant.Reports;

namespace Sextant.Server.Dashboards;

/// <summary>
/// The analyses behind the live dashboards, kept for the latest views asked for on the current
/// snapshot: every page of one view comes from one run of the analyses, and a view asked for
/// while it is computed waits for that run instead of starting another.
/// </summary>
internal sealed class DashboardViews
{
    /// <summary>Views kept at once; the oldest is dropped past this.</summary>
    public const int Kept = 16;

    private readonly ConcurrentDictionary<(Project, DashboardScope), Lazy<ReportInputs>> _views = new();
    private readonly ConcurrentQueue<(Project, DashboardScope)> _order = new();

    /// <summary>The analyses of <paramref name="scope"/> on <paramref name="project"/>'s snapshot.</summary>
    public ReportInputs Of(Project project, DashboardScope scope)
    {
        var key = (project, scope);
        // Views of an older snapshot are dropped, so its events are not kept in memory after an ingest.
        foreach (var old in _views.Keys)
            if (!ReferenceEquals(old.Item1, project)) _views.TryRemove(old, out _);
        var view = _views.GetOrAdd(key, k => new Lazy<ReportInputs>(() => k.Item1.Report(ReportProduct, k.Item2)));
        if (_order.Count < _views.Count) _order.Enqueue(key);
        while (_views.Count > Kept && _order.TryDequeue(out var oldest)) _views.TryRemove(oldest, out _);
        try
        {
            return view.Value;
        }
        catch
        {
            // A failed view is not kept: the next request asks again.
            _views.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>How many views are kept now.</summary>
    public int Count => _views.Count;

    /// <summary>The product name in the dashboards' titles, as <c>sextant report</c> shows it.</summary>
    public const string ReportProduct = "Product";
}
