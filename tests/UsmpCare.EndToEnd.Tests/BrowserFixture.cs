using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.EndToEnd.Tests;

/// <summary>
/// The real app on Kestrel (a random loopback port) over its own PostgreSQL database, and Debian's Chromium driven by
/// Playwright. The browser is never downloaded: it is /usr/bin/chromium (or USMP_CHROMIUM).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public BrowserFixture() : this(new KestrelFactory())
    {
    }

    /// <summary>Another app for a journey that needs its own « now » (<see cref="KestrelFactory(TimeProvider)"/>).</summary>
    protected BrowserFixture(KestrelFactory app) => App = app;

    /// <summary>The users' locale and time zone: a French unit's workstation, as the app's pages assume (Fr).</summary>
    private const string Locale = "fr-FR", TimeZone = "Europe/Paris";

    public KestrelFactory App { get; }
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    /// <summary>Screenshots of each step, kept as test artefacts (TestResults/e2e).</summary>
    public static string ArtefactDirectory { get; } =
        Path.Combine(Environment.GetEnvironmentVariable("USMP_E2E_ARTEFACTS") ?? Path.Combine(AppContext.BaseDirectory, "e2e-artefacts"));

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("127.0.0.1", "localhost");
        Directory.CreateDirectory(ArtefactDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("USMP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // This machine has no network: keep Chromium from trying to reach anything but the app.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
            Env = FrenchEnvironment(),
        });
    }

    /// <summary>
    /// The test process's environment, with Chromium's own language and time zone French whatever the machine's: date
    /// inputs draw their fields (jj/mm/aaaa hh:mm) in the browser's language, not in the context's locale, and on Linux
    /// Chromium takes it from LANGUAGE/LANG (it ignores --lang), given Debian's chromium-l10n (scripts/prereqs.sh).
    /// </summary>
    private static Dictionary<string, string> FrenchEnvironment()
    {
        var environment = Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
        environment["LANG"] = "fr_FR.UTF-8";
        environment["LANGUAGE"] = "fr_FR:fr";
        environment["TZ"] = TimeZone;
        return environment;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }

    /// <summary>A new page in its own browser context (no cookie), in French and in Paris time.</summary>
    /// <param name="bypassCsp">Only to inject axe-core for the accessibility check: the app's CSP forbids inline script.</param>
    public async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = Locale, TimezoneId = TimeZone, ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            BypassCSP = bypassCsp,
        });
        return await context.NewPageAsync();
    }

    /// <param name="bypassCsp">Only to inject axe-core for the accessibility check: the app's CSP forbids inline script.</param>
    public async Task<IPage> SignInAsync(string email, bool bypassCsp = false)
    {
        var page = await NewPageAsync(bypassCsp);
        // The user confirms irreversible actions (sign, issue, release) when the page asks.
        page.Dialog += (_, dialog) => _ = dialog.AcceptAsync();
        await page.GotoAsync("/Account/Login");
        // The fields are filled (typing into a page still settling can lose keys), then Enter submits.
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Web.Data.DemoData.Password);
        await page.Locator("#Password").PressAsync("Enter");
        // Either the home page, or the login page again with its French error: never wait blindly.
        const string settled = "() => !location.pathname.startsWith('/Account/Login') || !!document.querySelector('.alert.error')";
        try
        {
            await page.WaitForFunctionAsync(settled, null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // A key press lost while the page settled: submit with the button, as a user would.
            await page.Locator("button[type=submit].primary").ClickAsync();
            await page.WaitForFunctionAsync(settled, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
        }
        if (page.Url.Contains("/Account/Login", StringComparison.Ordinal))
        {
            await ShotAsync(page, "signin-refused-" + email);
            throw new InvalidOperationException($"sign-in of {email} refused: {await page.Locator("main").InnerTextAsync()}");
        }
        if (page.Url.Contains("/Account/Code", StringComparison.Ordinal))
        {
            // The second factor, as the user's authenticator app would give it (demo key, README); each code is used
            // once, so the account forgets the last step it accepted (see UsmpFactory.ForgetLastTotpStepAsync).
            await App.ForgetLastTotpStepAsync(email);
            // The code of the app's « now », which is the real time unless the journey moved the app's clock.
            var step = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds() / 30;
            await page.Locator("#Code").FillAsync(TestTotp.Code(Web.Data.DemoData.TotpKey, step));
            await page.Locator("#Code").PressAsync("Enter");
            const string past = "() => !location.pathname.startsWith('/Account/') || !!document.querySelector('.alert.error')";
            try
            {
                await page.WaitForFunctionAsync(past, null, new PageWaitForFunctionOptions { Timeout = 10_000 });
            }
            catch (TimeoutException)
            {
                await page.Locator("button[type=submit].primary").ClickAsync();
                await page.WaitForFunctionAsync(past, null, new PageWaitForFunctionOptions { Timeout = 20_000 });
            }
            if (page.Url.Contains("/Account/", StringComparison.Ordinal))
            {
                await ShotAsync(page, "code-refused-" + email);
                throw new InvalidOperationException($"second factor of {email} refused: {await page.Locator("main").InnerTextAsync()}");
            }
        }
        await page.WaitForLoadStateAsync();
        return page;
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtefactDirectory, name + ".png"), FullPage = true });
}

public sealed class KestrelFactory : UsmpFactory
{
    private readonly TimeProvider? _clock;

    public KestrelFactory() => UseKestrel(0);

    /// <summary>The app reading <paramref name="clock"/> as its « now » (cookies, codes, agenda, « today »).</summary>
    public KestrelFactory(TimeProvider clock) : this() => _clock = clock;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
