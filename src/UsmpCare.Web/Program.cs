using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Serilog;
using UsmpCare.Web.Accounts;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Data;
using UsmpCare.Web.Infrastructure;

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

// Each host its own logger, not the static Log.Logger: several hosts in one process (the tests) keep their own sinks.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services)
    .Enrich.FromLogContext(), preserveStaticLogger: true);

builder.Services.AddDbContext<AppDbContext>((services, options) =>
    Database.Configure(options, Database.ConnectionString(services.GetRequiredService<IConfiguration>())));

builder.Services
    .AddIdentity<User, IdentityRole<Guid>>(options =>
    {
        // CNIL 2022 deliberation, case « password + lockout »: at least 12 characters is enough with a lockout
        // after a few failures (below); the 80-bit case without lockout would need more. MFA comes on top (P16).
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireDigit = false;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.Lockout.AllowedForNewUsers = true;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        // TOTP codes are checked by our provider, which accepts each code once (ASVS V2.8.4); Identity's own accepts
        // a code again for 90 seconds.
        options.Tokens.AuthenticatorTokenProvider = ReplayGuardedAuthenticatorProvider.Name;
    })
    .AddEntityFrameworkStores<AppDbContext>()
    // The authenticator key and recovery codes are stored protected (Data Protection), never in clear.
    .AddUserStore<ProtectedTokenUserStore>()
    .AddClaimsPrincipalFactory<UsmpClaimsFactory>()
    .AddPasswordValidator<CommonPasswordValidator>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<ReplayGuardedAuthenticatorProvider>(ReplayGuardedAuthenticatorProvider.Name);

// The 5-minute cookie between the password and the second factor (Pages/Account/Code, Enrol): same attributes as
// the session cookie.
builder.Services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
    IdentityConstants.TwoFactorUserIdScheme, options =>
    {
        options.Cookie.Name = "usmp.2fa";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    });

builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/Account/Login";
    options.LogoutPath = "/Account/Logout";
    options.AccessDeniedPath = "/Account/AccessDenied";
    options.Cookie.Name = "usmp.auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
    options.ExpireTimeSpan = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:IdleTimeoutMinutes", 15));
    options.SlidingExpiration = true;
    // Absolute session lifetime (ASVS V3.3.2): the sign-in time is kept in the cookie's properties, which sliding
    // renewal and security-stamp refreshes carry over; past the limit the user signs in again, active or not.
    var absolute = TimeSpan.FromMinutes(builder.Configuration.GetValue("Security:AbsoluteSessionMinutes", 12 * 60));
    options.Events.OnSigningIn = context =>
    {
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        context.Properties.Items.TryAdd(RecentAuthentication.SignedInItem, now.ToString("O"));
        return Task.CompletedTask;
    };
    options.Events.OnValidatePrincipal = async context =>
    {
        await UsmpCare.Web.Accounts.SessionCheck.ValidateAsync(context);
        if (context.Principal is not null
            && context.Properties.Items.TryGetValue(RecentAuthentication.SignedInItem, out var signedIn)
            && DateTimeOffset.TryParse(signedIn, out var at)
            && context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow() - at >= absolute)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    };
    options.Events.OnRedirectToAccessDenied = async context =>
    {
        // Every denial is audited (who, what was refused), then the user sees the French refusal page.
        var trail = context.HttpContext.RequestServices.GetRequiredService<UsmpCare.Web.Auditing.AuditTrail>();
        await trail.AppendAsync(UsmpCare.Web.Auditing.AuditEvent.By(context.HttpContext.User,
            UsmpCare.Web.Auditing.AuditAction.Denied, context.HttpContext.Request.Path, StatusCodes.Status403Forbidden));
        context.Response.Redirect(context.RedirectUri);
    };
});

builder.Services.AddDataProtection()
    .SetApplicationName("UsmpCare")
    .PersistKeysToDbContext<AppDbContext>();

builder.Services.AddAuthorization(options => options.AddPermissionPolicies());
builder.Services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
builder.Services.AddSingleton<IAuthorizationHandler, UnitScopeHandler>();
builder.Services.AddSingleton<IAuthorizationHandler, RecordScopeHandler>();

builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUnit>();
builder.Services.AddScoped<UsmpCare.Web.Patients.PatientAccess>();
builder.Services.AddScoped<RecentAuthentication>();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<UsmpCare.Web.Features.CareRequestOptions>(builder.Configuration.GetSection("CareRequests"));
builder.Services.AddSingleton<UsmpCare.Web.Features.CareRequestRules>();
builder.Services.AddScoped<UsmpCare.Web.Features.OutgoingText>();
builder.Services.AddScoped<UsmpCare.Web.Documents.DocumentIssuing>();
builder.Services.AddSingleton<UsmpCare.Web.Auditing.AuditKey>();
builder.Services.AddSingleton<UsmpCare.Web.Auditing.AuditChain>();
builder.Services.AddSingleton<UsmpCare.Web.Auditing.AuditTrail>();
builder.Services.AddHostedService(services => services.GetRequiredService<UsmpCare.Web.Auditing.AuditTrail>());
builder.Services.AddScoped<UsmpCare.Web.Auditing.AuditPageFilter>();
builder.Services.AddRazorPages().AddMvcOptions(options =>
{
    // P16: every read and write of medical data is audited before the page is served.
    options.Filters.AddService<UsmpCare.Web.Auditing.AuditPageFilter>();
    // Unknown choices, implausible dates and handler-less posts are refused in French before any handler runs.
    options.AddInputValidation();
    // Bad input is said in French, with what was typed; the page keeps every other field.
    var messages = options.ModelBindingMessageProvider;
    messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"La valeur « {value} » n'est pas valide.");
    messages.SetValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
    messages.SetValueMustBeANumberAccessor(_ => "Un nombre est attendu (ex. 37,5).");
    messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"La valeur « {value} » n'est pas valide.");
    messages.SetUnknownValueIsInvalidAccessor(_ => "La valeur saisie n'est pas valide.");
    messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "La valeur saisie n'est pas valide.");
    messages.SetValueMustNotBeNullAccessor(_ => "Ce champ est obligatoire.");
    messages.SetMissingBindRequiredValueAccessor(_ => "Ce champ est obligatoire.");
    messages.SetMissingKeyOrValueAccessor(() => "Ce champ est obligatoire.");
    messages.SetMissingRequestBodyRequiredValueAccessor(() => "Le formulaire est vide.");
    messages.SetNonPropertyValueMustBeANumberAccessor(() => "Un nombre est attendu (ex. 37,5).");
});
// French users type « 37,5 » and read « 23/11/2026 »: one culture, whatever the browser says.
builder.Services.Configure<RequestLocalizationOptions>(options =>
{
    options.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture(Fr.Culture);
    options.SupportedCultures = [Fr.Culture];
    options.SupportedUICultures = [Fr.Culture];
    options.RequestCultureProviders.Clear();
});
// French text is written as is, not as &#xE9; entities.
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = "usmp.csrf";
    options.Cookie.SameSite = SameSiteMode.Strict;
    options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddHealthChecks().AddCheck<UsmpCare.Web.Infrastructure.DatabaseReadiness>("database", tags: ["ready"]);
builder.Services.Configure<ForwardedHeadersOptions>(options =>
{
    options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
    // Only the reverse proxies named in configuration are trusted (loopback by default).
    foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
    {
        options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
    }
});

var app = builder.Build();

if (Commands.IsCommand(args))
{
    // A command runs without the web host, so without its hosted services: the audit writer is started for it, then
    // drained, so the rows the command appends are written before the process exits.
    var trail = app.Services.GetRequiredService<UsmpCare.Web.Auditing.AuditTrail>();
    await trail.StartAsync(CancellationToken.None);
    Environment.ExitCode = await Commands.RunAsync(app.Services, args, Console.Out, Console.Error) ?? Commands.Usage;
    await trail.StopAsync(CancellationToken.None);
    return;
}
await app.RefuseOverPrivilegedConnectionAsync();
await DemoGuard.RefuseDemoAccountsOutsideDevelopmentAsync(app);
// P16: no audit key, or not the key in force at the chain's head, no start (Hardening #4) — rather than a running app
// that cannot serve a single medical page, or seals rows that no key verifies with the earlier ones.
if (await app.Services.GetRequiredService<UsmpCare.Web.Auditing.AuditChain>().KeyRefusalAsync() is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    Environment.ExitCode = Commands.Failure;
    return;
}

app.UseForwardedHeaders();
app.UseSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseServerErrorPages();
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseNulByteRejection();
app.UseDatabaseInputErrors();
app.UseSerilogRequestLogging(options =>
{
    options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
    // The path only: query strings may carry search terms (names), which must not reach the logs.
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} a répondu {StatusCode} en {Elapsed:0.0} ms";
});
app.UseRequestLocalization();
app.UseStaticFiles(new StaticFileOptions
{
    // CSS and JS hold no patient data and are linked with asp-append-version (?v=<hash>): a browser keeps them
    // instead of fetching both again with every page under the site-wide no-store (issue #9).
    OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
        context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "no-cache",
});
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();

app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") })
    .AllowAnonymous();
app.MapRazorPages();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
