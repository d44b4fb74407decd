using UsmpCare.Web.Accounts;
using UsmpCare.Web.Agenda;
using UsmpCare.Web.Auditing;
using UsmpCare.Web.CareRequests;
using UsmpCare.Web.Clinical;
using UsmpCare.Web.Documents;
using UsmpCare.Web.Followup;
using UsmpCare.Web.Treatments;

// Hardening #2: run.sh starts the built dll from the repository root. The content root (appsettings*.json, hence the
// Serilog setup) is the working directory when it holds the app's settings (dotnet run, the image, the tests), else
// the dll's own folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
});
if (!builder.Environment.IsDevelopment())
{
    // A build output has no wwwroot, only the manifest that points at the project's (Development reads it by itself);
    // a publish output has its wwwroot and no manifest, and this does nothing.
    builder.WebHost.UseStaticWebAssets();
}

// Each area registers what it owns, in its own folder (docs/architecture.md « Composition »).
builder.AddLogs().AddAccounts().AddCareRequests().AddWebUi();
builder.Services.AddDatabase().AddAuthorizationMatrix().AddAuditing().AddDocuments().AddTreatments().AddClinical().AddAgenda().AddFollowup();

var app = builder.Build();

if (Commands.IsCommand(args))
{
    // A command runs without the web host, so without its hosted services: the audit writer is started for it, then
    // drained, so the rows the command appends are written before the process exits.
    var trail = app.Services.GetRequiredService<AuditTrail>();
    await trail.StartAsync(CancellationToken.None);
    Environment.ExitCode = await Commands.RunAsync(app.Services, args, Console.Out, Console.Error) ?? Commands.Usage;
    await trail.StopAsync(CancellationToken.None);
    return;
}
await app.RefuseOverPrivilegedConnectionAsync();
await DemoGuard.RefuseDemoAccountsOutsideDevelopmentAsync(app);
// P16: no audit key, or not the key in force at the chain's head, no start (Hardening #4) — rather than a running app
// that cannot serve a single medical page, or seals rows that no key verifies with the earlier ones.
if (await app.Services.GetRequiredService<AuditChain>().KeyRefusalAsync() is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    Environment.ExitCode = Commands.Failure;
    return;
}

await app.UseUsmpPipeline().RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
