using System.Globalization;
using System.Text.Json;
using Sextant.Ingest.Vendors;

namespace Sextant.Connectors;

/// <summary>
/// PostHog's events API: <c>GET {base}/api/projects/{project}/events/?after=ISO&amp;before=ISO&amp;limit=N</c>
/// with <c>Authorization: Bearer &lt;personal API key&gt;</c>, answered a page at a time as
/// <c>{"results": [events], "next": URL or null}</c>. Pages are followed by their <c>next</c>
/// link (only to the same host, which is the one the key is meant for) and handed on as JSON
/// lines while the next page is not yet asked for, so a day streams page by page.
/// </summary>
internal sealed class PostHogEventsApi : IExportApi
{
    /// <summary>Events per page (PostHog allows up to 10,000 and defaults to 100).</summary>
    public const int PageSize = 1000;

    public string Name => "posthog";

    public void PullDay(DateOnly day, PullSession session)
    {
        // 'after' a microsecond before midnight: whether PostHog compares with > or >=, an event
        // at exactly 00:00:00 is asked for, at worst twice, and its uuid stores it once.
        var after = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-10);
        var before = after.AddTicks(10).AddDays(1);
        var url = $"{session.Settings.BaseUrl}/api/projects/{Uri.EscapeDataString(session.Settings.ProjectId!)}/events/"
            + $"?after={Uri.EscapeDataString(Iso(after))}&before={Uri.EscapeDataString(Iso(before))}&limit={PageSize}";
        var name = $"posthog {day:yyyy-MM-dd}";
        using var pages = new PageStream(session, url);
        using var items = VendorItemReader.FromStream(pages, name);
        session.Ingest(items, name);
    }

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The results of every page, one JSON line per event, fetching a page when the last one is read.</summary>
    private sealed class PageStream(PullSession session, string firstUrl) : Stream
    {
        private readonly Uri _origin = new(session.Settings.BaseUrl);
        private string? _next = firstUrl;
        private MemoryStream _page = new();
        private int _pages;

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            while (true)
            {
                var read = _page.Read(buffer);
                if (read > 0 || buffer.IsEmpty) return read;
                if (_next is null) return 0;
                _page = Fetch(_next);
            }
        }

        private MemoryStream Fetch(string url)
        {
            _pages++;
            using var response = session.Get(url);
            JsonDocument page;
            try
            {
                page = JsonDocument.Parse(PullSession.Body(response));
            }
            catch (JsonException exception)
            {
                throw new TruncatedAnswerException($"page {_pages} of the events is not whole JSON ({exception.Message})", exception);
            }
            using (page)
            {
                var root = page.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array)
                    throw new SextantException($"posthog: page {_pages} of {PullSession.Redacted(url)} has no \"results\" array (expected {{\"results\": [...], \"next\": ...}})");
                _next = root.TryGetProperty("next", out var next) && next.ValueKind == JsonValueKind.String ? NextUrl(next.GetString()!) : null;
                var lines = new MemoryStream();
                using (var writer = new Utf8JsonWriter(lines))
                {
                    foreach (var item in results.EnumerateArray())
                    {
                        item.WriteTo(writer);
                        writer.Flush();
                        lines.WriteByte((byte)'\n');
                        writer.Reset();
                    }
                }
                lines.Position = 0;
                return lines;
            }
        }

        /// <summary>The next page's address; the key is never sent to another host than the one configured.</summary>
        private string NextUrl(string next)
        {
            var uri = new Uri(_origin, next);
            if (Uri.Compare(uri, _origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
                throw new SextantException($"posthog: the next page is on another host ({uri.GetLeftPart(UriPartial.Authority)}, not {_origin.GetLeftPart(UriPartial.Authority)}); the API key is not sent there. Pass --base-url {uri.GetLeftPart(UriPartial.Authority)} if that is your PostHog");
            return uri.ToString();
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _page.Dispose();
            base.Dispose(disposing);
        }
    }
}
