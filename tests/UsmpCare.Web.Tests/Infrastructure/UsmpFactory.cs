using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using UsmpCare.Web.Data;

namespace UsmpCare.Web.Tests.Infrastructure;

/// <summary>
/// The app over its own real PostgreSQL database (a clone of the migrated, demo-seeded template), one per test
/// class, connected as the app's least-privileged role as in a deployment (docs/decisions/0014). Tests drive it
/// through HttpClient like a browser would.
/// </summary>
public class UsmpFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool _templateReady;
    private const string Template = "usmp_template";

    private (PostgresServer Server, string Name)? _database;

    private (PostgresServer Server, string Name) Db => _database ?? throw new InvalidOperationException("not initialized");

    /// <summary>The app's own connection: the login role that owns nothing.</summary>
    public string ConnectionString => Db.Server.AppConnectionStringFor(Db.Name);

    /// <summary>The owner of every table, who runs the migrations (and the backups).</summary>
    public string OwnerConnectionString => Db.Server.OwnerConnectionStringFor(Db.Name);

    /// <summary>A superuser, for the tests that tamper with the database on purpose.</summary>
    public string AdminConnectionString => Db.Server.ConnectionStringFor(Db.Name);

    protected virtual string EnvironmentName => "Development";

    public async Task InitializeAsync() => _database = await CreateDatabaseAsync();

    /// <summary>A clone of the shared template on the shared test cluster; a fault test brings its own cluster.</summary>
    protected virtual async Task<(PostgresServer Server, string Name)> CreateDatabaseAsync()
    {
        var server = await PostgresServer.GetAsync();
        await EnsureTemplateAsync(server);
        var database = "usmp_" + Guid.NewGuid().ToString("N")[..16];
        await server.CreateDatabaseAsync(database, Template);
        // A clone does not inherit the template's database-level grants (CONNECT, no TEMPORARY): migrate's are re-applied.
        await DatabaseRoles.GrantAsync(server.OwnerConnectionStringFor(database), PostgresServer.AppRole);
        await PrepareDatabaseAsync(server.ConnectionStringFor(database));
        return (server, database);
    }

    /// <summary>
    /// Runs on the class's fresh database, over a superuser connection, before the app starts (the generator's tests
    /// fill it here).
    /// </summary>
    protected virtual Task PrepareDatabaseAsync(string adminConnectionString) => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
    }

    /// <summary>Migrates and seeds the template database once per test run, through the app's own code.</summary>
    private static async Task EnsureTemplateAsync(PostgresServer server)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }
            await server.ExecuteAsync($"DROP DATABASE IF EXISTS {Template}");
            await server.CreateDatabaseAsync(Template);
            await MigrateAndSeedAsync(server, Template);
            // CREATE DATABASE … TEMPLATE needs the template to have no open connection.
            NpgsqlConnection.ClearAllPools();
            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>
    /// Migrates an empty database as its owner and grants the app's role, as the <c>migrate</c> command does, then
    /// seeds the demo data through the app connected as that role (<c>seed-demo</c> under run.sh).
    /// </summary>
    public static async Task MigrateAndSeedAsync(PostgresServer server, string database)
    {
        await DatabaseRoles.MigrateAsync(server.OwnerConnectionStringFor(database), PostgresServer.AppRole);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("ConnectionStrings:Default", server.AppConnectionStringFor(database));
        });
        await using var scope = factory.Services.CreateAsyncScope();
        await DemoData.SeedIfEmptyAsync(scope.ServiceProvider);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, so tests see each answer.</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri("http://localhost"),
    });

    /// <summary>
    /// Signs a demo account in as its user would: password, then, for the roles that require it, a code of the
    /// authenticator app computed from the published demo key.
    /// </summary>
    public async Task<HttpClient> LoginAsAsync(DemoAccount account)
    {
        var client = NewClient();
        await client.SignInAsync(account, () => ForgetLastTotpStepAsync(account.Email));
        return client;
    }

    /// <summary>
    /// Tests sign the same demo user in many times a minute, faster than an app shows new codes; each code is
    /// usable once (the replay guard, proven by MfaTests), so the helper lets the account forget the last step it
    /// accepted. A test-only write to the test's own database; the app has no such door.
    /// </summary>
    public Task ForgetLastTotpStepAsync(string email) => WithDbAsync(db =>
        db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpStep, (long?)null)));

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        await using var scope = Scope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>A database of the tests, without starting the app (before it starts, or for an app in another process).</summary>
    public static async Task<T> WithDatabaseAsync<T>(string connectionString, Func<AppDbContext, Task<T>> work)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(options, connectionString);
        await using var db = new AppDbContext(options.Options);
        return await work(db);
    }
}

public static class HttpClientExtensions
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        }
        return Parser.ParseDocument(html);
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The response's HTML with entities decoded, so assertions read the words a user reads.</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Signs a demo account in on this client (the app in memory, or a started process): password, then, for the roles
    /// that require it, a code computed from the published demo key, once the account forgot the last step it accepted.
    /// </summary>
    public static async Task SignInAsync(this HttpClient client, DemoAccount account, Func<Task> forgetLastTotpStep)
    {
        var response = await client.PostFormAsync("/Account/Login", new Dictionary<string, string>
        {
            ["Email"] = account.Email,
            ["Password"] = DemoData.Password,
        });
        if (response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location!.OriginalString.StartsWith("/Account/Code", StringComparison.Ordinal))
        {
            await forgetLastTotpStep();
            response = await client.PostFormAsync("/Account/Code", new Dictionary<string, string>
            {
                ["Code"] = TestTotp.CodeNow(DemoData.TotpKey),
            });
        }
        if (response.StatusCode != HttpStatusCode.Redirect
            || response.Headers.Location!.OriginalString.StartsWith("/Account/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"login of {account.Email} failed: {response.StatusCode} {response.Headers.Location}");
        }
    }

    /// <summary>GETs the page to take its antiforgery token, then posts the form fields like a browser.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IEnumerable<KeyValuePair<string, string>> fields, string? getUrl = null)
    {
        var page = await client.GetAsync(getUrl ?? url);
        var document = Parser.ParseDocument(await page.Content.ReadAsStringAsync());
        var token = document.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"no antiforgery token on {getUrl ?? url} ({(int)page.StatusCode})");
        var all = fields.ToList();
        all.Add(new("__RequestVerificationToken", token));
        return await client.PostAsync(url, new FormUrlEncodedContent(all));
    }
}
