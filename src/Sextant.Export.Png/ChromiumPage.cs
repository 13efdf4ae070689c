using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sextant.Export.Png;

/// <summary>One browser page, reached through its flat DevTools session, that screenshots files.</summary>
internal sealed class ChromiumPage(DevToolsConnection connection, string sessionId)
{
    /// <summary>Turns on the page events that say when a navigation has loaded.</summary>
    public async Task EnableAsync(CancellationToken cancellation) =>
        await connection.SendAsync("Page.enable", null, sessionId, cancellation).ConfigureAwait(false);

    /// <summary>
    /// Opens <paramref name="file"/> in a viewport of <paramref name="width"/> by
    /// <paramref name="height"/> CSS pixels at one device pixel each, waits for its load event and
    /// returns a PNG of exactly that area.
    /// </summary>
    public async Task<byte[]> ScreenshotAsync(Uri file, int width, int height, CancellationToken cancellation)
    {
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = width,
            ["height"] = height,
            ["deviceScaleFactor"] = 1,
            ["mobile"] = false,
        }, cancellation).ConfigureAwait(false);

        // Stops the wait for a load event that will not come when the navigation fails.
        using var navigation = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var loaded = connection.WaitForEventAsync("Page.loadEventFired", sessionId, navigation.Token);
        try
        {
            var navigated = await SendAsync("Page.navigate", new JsonObject { ["url"] = file.AbsoluteUri }, cancellation)
                .ConfigureAwait(false);
            if (navigated.TryGetProperty("errorText", out var error) && error.GetString() is { Length: > 0 } text)
            {
                throw new DevToolsException("it could not open the file: " + text);
            }
            await loaded.ConfigureAwait(false);
        }
        finally
        {
            await navigation.CancelAsync().ConfigureAwait(false);
        }

        var shot = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = false,
            ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
        }, cancellation).ConfigureAwait(false);
        try
        {
            return Convert.FromBase64String(GetString(shot, "data"));
        }
        catch (FormatException e)
        {
            throw new DevToolsException("the screenshot Chromium sent is not base64: " + e.Message, e);
        }
    }

    /// <summary>A string property of a DevTools result; a missing one is a protocol error.</summary>
    internal static string GetString(JsonElement result, string name) =>
        result.ValueKind == JsonValueKind.Object && result.TryGetProperty(name, out var value)
            && value.ValueKind == JsonValueKind.String && value.GetString() is { } text
            ? text
            : throw new DevToolsException($"Chromium's reply has no {name}");

    private Task<JsonElement> SendAsync(string method, JsonObject parameters, CancellationToken cancellation) =>
        connection.SendAsync(method, parameters, sessionId, cancellation);
}
