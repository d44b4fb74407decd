using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Filters;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Auditing;

/// <summary>
/// Records every read (GET) and write (POST) of a page that touches medical data, after its handler ran and before
/// anything is sent: if the audit row cannot be written, the page is not served. The query string is never recorded
/// (a search term may be a name).
/// </summary>
public sealed class AuditPageFilter(AuditTrail trail, CurrentUnit currentUnit) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        var http = context.HttpContext;
        var metadata = http.GetEndpoint()?.Metadata;
        var medical = metadata?.GetMetadata<AuditedAttribute>() is not null
                      || metadata?.GetOrderedMetadata<IAuthorizeData>().OfType<RequirePermissionAttribute>()
                          .Any(a => a.Permission.TouchesMedicalData()) == true;
        // A Forbid() is audited as a denial by the cookie handler; a failed handler served nothing.
        if (!medical || executed.Exception is not null || http.User.Identity?.IsAuthenticated != true
            || executed.Result is ForbidResult or ChallengeResult)
        {
            return;
        }
        var status = executed.Result is NotFoundResult ? StatusCodes.Status404NotFound : StatusCodes.Status200OK;
        // The patient the page opened through PatientAccess, filed under his unit so his coordinator finds every
        // access (a user may belong to two units).
        var patient = http.Features.Get<PatientOfRequest>();
        var handler = context.HandlerMethod?.Name is { Length: > 0 } name ? $"?handler={name}" : "";
        await trail.AppendAsync(AuditEvent.By(http.User,
            HttpMethods.IsGet(http.Request.Method) ? AuditAction.Read : AuditAction.Write,
            // Reads under an emergency grant are flagged for the coordinator's review.
            (patient?.Emergency == true ? "[urgence] " : "") + http.Request.Path + handler,
            status, patient?.PatientId, patient?.UnitId ?? await currentUnit.IdAsync()), http.RequestAborted);
    }
}
