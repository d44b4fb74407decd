using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;

namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// The page of an unhandled error outside Development (Hardening #3): French, with a reference the user gives the
/// administrator, the request's trace id, which is also on the exception's log line (« @tr » in the JSON logs). A
/// database outage is a 503 with Retry-After, not a 500.
/// </summary>
/// <remarks>
/// Written here rather than by re-executing the /Error page: a re-executed request authenticates again (the session
/// check reads the account) and the layout reads the user's units, so while the database is down the error page
/// failed in turn and a signed-in user got an empty 500.
/// </remarks>
public static class ServerErrors
{
    /// <summary>Seconds a client is asked to wait after a 503: a database restart takes a few of them.</summary>
    public const int RetryAfterSeconds = 30;

    public static IApplicationBuilder UseServerErrorPages(this IApplicationBuilder app) =>
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = WriteAsync });

    /// <summary>The database could not be reached, or not in time: EF Core gave up retrying, or Npgsql calls it transient.</summary>
    public static bool IsDatabaseOutage(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException or Npgsql.NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    private static async Task WriteAsync(HttpContext context)
    {
        var outage = IsDatabaseOutage(context.Features.Get<IExceptionHandlerFeature>()?.Error);
        var reference = WebUtility.HtmlEncode(Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier);
        context.Response.StatusCode = outage ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
        if (outage)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        var (title, message) = outage
            ? ("Service momentanément indisponible",
                "La base de données est momentanément indisponible. Réessayez dans quelques instants ; si vous enregistriez " +
                "une saisie, vérifiez ensuite qu'elle figure bien au dossier.")
            : ("Erreur", "Une erreur inattendue s'est produite. Réessayez ; si elle se reproduit, prévenez l'administrateur " +
                         "en lui donnant la référence ci-dessous.");
        await context.Response.WriteAsync($"""
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{title} — UsmpCare</title>
            <link rel="stylesheet" href="/css/site.css"></head>
            <body><main id="contenu"><h1>{title}</h1><p>{message}</p>
            <p>Référence de l'incident : <code id="reference">{reference}</code></p>
            <p><a href="/">Retour à l'accueil</a></p></main></body></html>
            """);
    }
}
