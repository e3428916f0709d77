using Microsoft.Playwright;

namespace QqConnect.BrowserTests;

/// <summary>
/// Arriving on a page, waited for by its URL and then an element only that page has, both polled: not by the page's
/// load events. After QQ's redirect chain, Playwright's load-event waits timed out in CI with the browser already on
/// the page (it saw "networkidle", not the event it waited for); a QQ avatar can also hold the load event on a loaded
/// machine.
/// </summary>
internal static class PageArrival
{
    private static readonly PageAssertionsToHaveURLOptions UrlWait = new() { Timeout = 30_000 };
    private static readonly PageWaitForSelectorOptions ElementWait = new() { Timeout = 30_000 };

    public static async Task ArriveAsync(this IPage page, Uri url, string selector)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url.AbsoluteUri, UrlWait);
        await page.WaitForSelectorAsync(selector, ElementWait);
    }

    /// <summary>Waits (polling, up to 15 s) for the image with id <paramref name="id"/> to have loaded; fails saying where it stands.</summary>
    public static async Task AssertImageLoadsAsync(this IPage page, string id)
    {
        var loaded = $"() => {{ const img = document.getElementById('{id}'); return !!img && img.complete && img.naturalWidth > 0; }}";
        try
        {
            await page.WaitForFunctionAsync(loaded, null, new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            var state = await page.EvaluateAsync<string>(
                $"() => {{ const img = document.getElementById('{id}'); return img ? `src=${{img.src}} complete=${{img.complete}} naturalWidth=${{img.naturalWidth}}` : 'no #{id}'; }}");
            Assert.Fail($"The image #{id} did not load within 15 s on {page.Url}: {state}");
        }
    }
}
