using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Data;
using UsmpCare.Web.Tests.Infrastructure;

namespace UsmpCare.Web.Tests.Operations;

/// <summary>
/// The app in Production over a cluster of its own, which the test stops: demo accounts made ordinary (Production
/// refuses them), an audit key, the log events kept, and — test-only, at the very end of the pipeline, where a page
/// would be — a path that throws.
/// </summary>
public sealed class ProductionFactory : RestartableFactory
{
    public const string FailingPath = "/Tests/Panne";

    public ConcurrentQueue<LogEvent> Logs { get; } = new();

    protected override string EnvironmentName => "Production";

    protected override Task PrepareDatabaseAsync(string connectionString) =>
        WithDatabaseAsync(connectionString, db => db.Users.ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDemo, false)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Audit:Key", "clé du journal d'audit des tests de panne, 2026");
        builder.ConfigureServices(services =>
        {
            // Program.cs reads the sinks registered as services (ReadFrom.Services): this one keeps what the app logs.
            services.AddSingleton<ILogEventSink>(new Keeper(Logs));
            services.AddSingleton<IStartupFilter, Failing>();
        });
    }

    private sealed class Keeper(ConcurrentQueue<LogEvent> logs) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => logs.Enqueue(logEvent);
    }

    private sealed class Failing : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map(FailingPath, failing => failing.Run(_ => throw new InvalidOperationException("panne de test")));
        };
    }
}

/// <summary>Hardening #3: outside Development, an error is a French page with a reference, never an empty 500.</summary>
public sealed class ServerErrorTests(ProductionFactory app) : IClassFixture<ProductionFactory>
{
    [Fact]
    public async Task An_unhandled_error_shows_a_french_page_whose_reference_is_the_trace_id_on_the_exception_log_line()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));

        var response = await physician.GetAsync(ProductionFactory.FailingPath);

        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        var page = HttpClientExtensions.Parse(await response.TextAsync());
        page.QuerySelector("h1")!.TextContent.Should().Be("Erreur");
        page.Body!.TextContent.Should().Contain("Une erreur inattendue s'est produite").And.NotContain("panne de test", "the exception stays in the log");
        var reference = page.QuerySelector("#reference")!.TextContent;
        reference.Should().MatchRegex("^[0-9a-f]{32}$");
        app.Logs.Should().Contain(e => e.Exception != null && e.Exception.Message == "panne de test" && e.Level == LogEventLevel.Error
                                       && e.TraceId.ToString() == reference, "the operator finds the user's reference on the exception's line");
    }

    [Fact]
    public async Task A_signed_in_user_gets_a_french_503_with_retry_after_while_the_database_is_down()
    {
        var physician = await app.LoginAsAsync(DemoData.Account(Role.Physician));
        (await physician.GetAsync("/Patients")).StatusCode.Should().Be(HttpStatusCode.OK);

        await app.Database.CrashAsync();
        try
        {
            var response = await physician.GetAsync("/Patients");

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(Web.Infrastructure.ServerErrors.RetryAfterSeconds));
            var page = HttpClientExtensions.Parse(await response.TextAsync());
            page.Body!.TextContent.Should().Contain("La base de données est momentanément indisponible");
            page.QuerySelector("#reference")!.TextContent.Should().MatchRegex("^[0-9a-f]{32}$");
        }
        finally
        {
            await app.Database.RestartAsync();
        }
        (await physician.GetAsync("/Patients")).StatusCode.Should().Be(HttpStatusCode.OK, "the app recovers by itself");
    }
}
