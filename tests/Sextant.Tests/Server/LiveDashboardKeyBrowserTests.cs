using Microsoft.Playwright;
using Sextant.Tests.Support;

namespace Sextant.Tests.Server;

/// <summary>The live dashboards of a server with keys: the page asks for a key and keeps it for the session only.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveDashboardKeyBrowserTests(BrowserFixture browser, KeyedLiveServerFixture server) : IClassFixture<KeyedLiveServerFixture>
{
    [Fact]
    public async Task The_page_asks_for_a_key_sends_it_as_a_bearer_header_and_never_puts_it_in_the_address()
    {
        // Given a dashboard opened without a key,
        await using var page = await browser.OpenUrlAsync(new Uri(server.BaseAddress, "dashboards/engagement"));
        var keyForm = page.Page.Locator("#key-form");
        await keyForm.WaitForAsync(new() { State = WaitForSelectorState.Visible });
        Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => window.sextantLive.redraws"));

        // a wrong key is refused,
        await page.Page.FillAsync("#key", "sx_not_a_key");
        await page.Page.PressAsync("#key", "Enter");
        await page.Page.WaitForFunctionAsync("() => document.getElementById('key-message').textContent.includes('not valid')");

        // and the right one draws the page, with the key sent as a header;
        var sent = new List<string?>();
        page.Page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/v1/", StringComparison.Ordinal)) lock (sent) sent.Add(request.Headers.GetValueOrDefault("authorization"));
        };
        await page.Page.FillAsync("#key", server.Key!);
        await page.Page.PressAsync("#key", "Enter");
        await page.Page.WaitForFunctionAsync("() => window.sextantLive.redraws >= 1 && !window.sextantLive.busy");
        Assert.True(await keyForm.IsHiddenAsync());
        lock (sent) Assert.Contains("Bearer " + server.Key, sent);
        // a changed view keeps using it, and neither the address nor the page's storage across sessions holds it.
        await page.Page.FillAsync("input[name=breakdown]", "plan");
        await page.Page.PressAsync("input[name=breakdown]", "Enter");
        await page.Page.WaitForFunctionAsync("() => window.sextantLive.redraws >= 2 && !window.sextantLive.busy");
        Assert.Contains("breakdown=plan", page.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Key!, page.Page.Url, StringComparison.Ordinal);
        Assert.Equal(server.Key, await page.Page.EvaluateAsync<string>("() => sessionStorage.getItem('sextant.key')"));
        Assert.Equal(0, await page.Page.EvaluateAsync<int>("() => localStorage.length"));
        // The only errors are the two refused requests, which the browser logs as failed loads.
        Assert.All(page.Errors, e => Assert.Contains("401", e, StringComparison.Ordinal));
    }
}
