using System.Net.Http.Headers;
using System.Text;
using Sextant.Events;
using Sextant.Serialization;

namespace Sextant.Analysis.Alerts;

/// <summary>What the webhook receives: the alerts and nothing else of the store (no path, no user, no raw event).</summary>
/// <param name="Source">Always <c>sextant</c>.</param>
/// <param name="DataEnd">The latest event instant.</param>
/// <param name="TimeZone">The zone the days are cut in.</param>
/// <param name="SeriesJudged">Rule × series pairs judged.</param>
/// <param name="Alerts">The alerts fired.</param>
public sealed record AlertWebhookBody(string Source, Timestamp DataEnd, string TimeZone, int SeriesJudged, IReadOnlyList<Alert> Alerts);

/// <summary>How a webhook delivery ended.</summary>
/// <param name="Delivered">True when the receiver answered 2xx.</param>
/// <param name="Attempts">Requests made (1, or 2 after a retry).</param>
/// <param name="Error">Why it failed, in one line naming the receiver's scheme, host and port only (its path may hold a token); null when delivered.</param>
public sealed record AlertDelivery(bool Delivered, int Attempts, string? Error);

/// <summary>
/// Posts fired alerts as JSON to a webhook (docs/ALERTS.md, Webhook): one POST of
/// application/json, a timeout per attempt, and one retry after a failure (a network error, a
/// timeout or a non-2xx answer).
/// </summary>
public static class AlertWebhook
{
    /// <summary>Each attempt's timeout.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The pause before the retry.</summary>
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>The body posted for <paramref name="result"/>, in the JSON contract of results.</summary>
    public static string Body(AlertsResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return ResultJson.Serialize(new AlertWebhookBody("sextant", result.DataEnd, result.TimeZone, result.Series.Count, result.Alerts));
    }

    /// <summary>Posts <paramref name="result"/>'s alerts to <paramref name="url"/>, retrying once.</summary>
    /// <param name="url">An absolute http or https URL.</param>
    /// <param name="result">What alerts found.</param>
    /// <param name="handler">The HTTP handler (tests); null for the default one.</param>
    /// <param name="timeout">Each attempt's timeout; null for <see cref="DefaultTimeout"/>.</param>
    /// <param name="retryDelay">The pause before the retry; null for <see cref="RetryDelay"/>.</param>
    /// <param name="cancel">Stops the delivery.</param>
    public static async Task<AlertDelivery> PostAsync(Uri url, AlertsResult result, HttpMessageHandler? handler = null, TimeSpan? timeout = null, TimeSpan? retryDelay = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(result);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new SextantException($"the webhook must be an http:// or https:// URL, got '{url}'");
        var body = Body(result);
        using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout.InfiniteTimeSpan;
        var receiver = url.GetLeftPart(UriPartial.Authority);
        string? error = null;
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            if (attempt == 2) await Task.Delay(retryDelay ?? RetryDelay, cancel).ConfigureAwait(false);
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timer.CancelAfter(timeout ?? DefaultTimeout);
            try
            {
                using var content = new StringContent(body, Encoding.UTF8);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                using var response = await client.PostAsync(url, content, timer.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return new AlertDelivery(true, attempt, null);
                error = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd();
            }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
            {
                error = $"no answer within {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s";
            }
            catch (HttpRequestException e)
            {
                error = e.Message.Replace(url.ToString(), receiver, StringComparison.Ordinal).TrimEnd('.');
            }
        }
        return new AlertDelivery(false, 2, $"the alert webhook at {receiver} was not delivered after 2 attempts: {error}");
    }
}
