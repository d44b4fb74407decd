namespace UsmpCare.Web.Infrastructure;

/// <summary>
/// A NUL character cannot be stored in PostgreSQL text and has no place in a form: such a request is refused with a
/// 400 (French error page) instead of failing deep in the database.
/// </summary>
public static class NulByteRejection
{
    public static IApplicationBuilder UseNulByteRejection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var nul = request.QueryString.Value?.Contains("%00", StringComparison.Ordinal) == true
                  || request.Path.Value?.Contains('\0') == true;
        if (!nul && request.HasFormContentType && HttpMethods.IsPost(request.Method))
        {
            try
            {
                var form = await request.ReadFormAsync(context.RequestAborted);
                nul = form.Any(field => field.Value.Any(value => value?.Contains('\0') == true));
            }
            catch (InvalidDataException)
            {
                // ASP.NET Core's form reader refuses control characters itself: same answer.
                nul = true;
            }
        }
        if (nul)
        {
            // Answered here: re-executing the error page would read the same broken form again.
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Requête invalide — UsmpCare</title></head>
                <body><h1>Requête invalide</h1><p>La saisie contient un caractère interdit (caractère nul). Revenez à la page
                précédente, retirez-le et enregistrez de nouveau.</p><p><a href="/">Retour à l'accueil</a></p></body></html>
                """);
            return;
        }
        await next();
    });
}

/// <summary>
/// A text longer than its column (refused by <see cref="TextLengthGuard"/>, or PostgreSQL 22001) is bad input, not a
/// fault: the user gets a French 400 page instead of a 500.
/// </summary>
public static class DatabaseInputErrors
{
    public static IApplicationBuilder UseDatabaseInputErrors(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next();
        }
        catch (Exception e) when (e is TextTooLongException or Microsoft.EntityFrameworkCore.DbUpdateException
        {
            InnerException: Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.StringDataRightTruncation },
        } && !context.Response.HasStarted)
        {
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync("""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Saisie trop longue — UsmpCare</title></head>
                <body><h1>Saisie trop longue</h1><p>Un des champs dépasse la longueur permise (par exemple la cellule, l'écrou
                ou une destination). Revenez à la page précédente, raccourcissez-le et enregistrez de nouveau : rien n'a été
                enregistré.</p><p><a href="/">Retour à l'accueil</a></p></body></html>
                """);
        }
    });
}
