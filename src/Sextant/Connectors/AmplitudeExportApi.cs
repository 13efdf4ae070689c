using System.Globalization;
using System.Net;
using Sextant.Ingest.Vendors;

namespace Sextant.Connectors;

/// <summary>
/// Amplitude's Export API: <c>GET {base}/api/2/export?start=YYYYMMDDTHH&amp;end=YYYYMMDDTHH</c> (UTC
/// hours, both included) with HTTP Basic auth (API key : secret key), answered with a zip archive
/// of gzipped JSON-lines files, one per hour. 404 means no data in the range; 400 means the
/// archive would pass 4 GB, so the day is asked for hour by hour. A zip is read from its central
/// directory at its end, so the answer is spooled to a temporary file (never held in memory) and
/// read from there; an archive without its directory, or with a gzip entry cut short, fails the day.
/// </summary>
internal sealed class AmplitudeExportApi : IExportApi
{
    public string Name => "amplitude";

    public void PullDay(DateOnly day, PullSession session)
    {
        if (PullHours(day, 0, 23, session)) return;
        for (var hour = 0; hour < 24; hour++)
        {
            if (!PullHours(day, hour, hour, session))
                throw new SextantException($"amplitude: the export of {Stamp(day, hour)} is over Amplitude's 4 GB limit even for one hour (HTTP 400); use Amplitude's Amazon S3 export for it");
        }
    }

    /// <summary>Pulls hours <paramref name="first"/> to <paramref name="last"/> of a day; false when Amplitude says the range is too large.</summary>
    private static bool PullHours(DateOnly day, int first, int last, PullSession session)
    {
        var start = Stamp(day, first);
        var end = Stamp(day, last);
        var url = $"{session.Settings.BaseUrl}/api/2/export?start={start}&end={end}";
        using var response = session.Get(url, HttpStatusCode.NotFound, HttpStatusCode.BadRequest);
        if (response.StatusCode == HttpStatusCode.NotFound) return true;
        if (response.StatusCode == HttpStatusCode.BadRequest) return false;
        var name = $"amplitude {start}-{end}";
        var spool = Path.Combine(session.TemporaryFolder, $"sextant-amplitude-{Guid.NewGuid():N}.zip");
        using var cleanup = ExitCleanup.Register(() => File.Delete(spool));
        try
        {
            using (var file = new FileStream(spool, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
                PullSession.Body(response).CopyTo(file);
            VendorItemReader items;
            try
            {
                items = VendorItemReader.OpenFile(spool);
            }
            catch (SextantException exception)
            {
                throw new TruncatedAnswerException($"the archive of {start}-{end} is incomplete ({exception.Message})", exception);
            }
            using (items) session.Ingest(items, name);
        }
        finally
        {
            File.Delete(spool);
        }
        return true;
    }

    private static string Stamp(DateOnly day, int hour) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "T" + hour.ToString("00", CultureInfo.InvariantCulture);
}
