using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;
using Serilog;

namespace UsmpCare.Web.Infrastructure;

/// <summary>The web host: logs, Razor Pages with the French input rules, culture, cookies of forms, proxies; then the
/// middleware in its one order (docs/architecture.md « A request, from the browser to the database »).</summary>
public static class WebSetup
{
    public static WebApplicationBuilder AddLogs(this WebApplicationBuilder builder)
    {
        // Each host its own logger, not the static Log.Logger: several hosts in one process (the tests) keep their own sinks.
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext(), preserveStaticLogger: true);
        return builder;
    }

    public static WebApplicationBuilder AddWebUi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUnit>();
        services.AddScoped<Patients.PatientAccess>();
        services.AddSingleton(TimeProvider.System);
        services.AddRazorPages().AddMvcOptions(options =>
        {
            // Unknown choices, implausible dates and handler-less posts are refused in French before any handler runs;
            // a domain rule's refusal comes back as the page with its alert.
            options.AddInputValidation();
            // Every page about a patient opens him through PatientAccess before its handler runs (one prologue).
            options.Filters.Add(new Patients.OpenPatientFilter());
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
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture(Fr.Culture);
            options.SupportedCultures = [Fr.Culture];
            options.SupportedUICultures = [Fr.Culture];
            options.RequestCultureProviders.Clear();
        });
        // French text is written as is, not as &#xE9; entities.
        services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "usmp.csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the reverse proxies named in configuration are trusted (loopback by default).
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        return builder;
    }

    /// <summary>The middleware in order, then the endpoints: pages and the two health checks.</summary>
    public static WebApplication UseUsmpPipeline(this WebApplication app)
    {
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
        return app;
    }
}
