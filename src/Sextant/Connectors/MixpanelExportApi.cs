using System.Globalization;
using Sextant.Ingest.Readers;
using Sextant.Ingest.Vendors;

namespace Sextant.Connectors;

/// <summary>
/// Mixpanel's raw event export: <c>GET {base}/api/2.0/export?from_date=D&amp;to_date=D[&amp;project_id=P]</c>
/// with HTTP Basic auth, answered with JSON lines (gzip when asked), one day per request. The
/// body streams straight into the reader; a gzip body is told by its first bytes and checked to
/// its trailer, so one cut short fails the day rather than losing its end.
/// </summary>
internal sealed class MixpanelExportApi : IExportApi
{
    public string Name => "mixpanel";

    public void PullDay(DateOnly day, PullSession session)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var url = $"{session.Settings.BaseUrl}/api/2.0/export?from_date={date}&to_date={date}";
        if (session.Settings.ProjectId is { } project) url += "&project_id=" + Uri.EscapeDataString(project);
        using var response = session.Get(url);
        var name = $"mixpanel {date}";
        using var body = SourceFile.Wrap(PullSession.Body(response), name);
        using var items = VendorItemReader.FromStream(body, name);
        session.Ingest(items, name);
    }
}
