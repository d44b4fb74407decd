using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using UsmpCare.Web.Data;
using UsmpCare.Domain.Security;
using UsmpCare.Web.Authorization;
using UsmpCare.Web.Infrastructure;

namespace UsmpCare.Web.Auditing;

/// <summary>
/// Records every read (GET) and write (POST) of a page that touches medical data, after its handler ran and before
/// anything is sent: if the audit row cannot be written, the page is not served. The query string is never recorded
/// (a search term may be a name).
/// </summary>
public sealed class AuditPageFilter(AuditTrail trail, CurrentUnit currentUnit, AppDbContext db) : IAsyncPageFilter
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
        var patientId = PatientOf(context) ?? await PatientOfRecordAsync(context, http.RequestAborted);
        // Filed under the patient's unit, so his coordinator finds every access (a user may belong to two units).
        var unitId = patientId is { } pid
            ? await db.Patients.Where(p => p.Id == pid).Select(p => (Guid?)p.UnitId).FirstOrDefaultAsync(http.RequestAborted)
            : null;
        var handler = context.HandlerMethod?.Name is { Length: > 0 } name ? $"?handler={name}" : "";
        await trail.AppendAsync(AuditEvent.By(http.User,
            HttpMethods.IsGet(http.Request.Method) ? AuditAction.Read : AuditAction.Write,
            // Reads under an emergency grant are flagged for the coordinator's review.
            (http.Items.ContainsKey(Records.BreakGlass.ItemKey) ? "[urgence] " : "") + http.Request.Path + handler,
            status, patientId, unitId ?? await currentUnit.IdAsync()), http.RequestAborted);
    }

    /// <summary>The patient of an entry, a consultation draft or a care request, from the id the page was opened with.</summary>
    private async Task<Guid?> PatientOfRecordAsync(PageHandlerExecutingContext context, CancellationToken cancel)
    {
        var values = context.RouteData.Values;
        var query = context.HttpContext.Request.Query;
        if (!Guid.TryParse(values.GetValueOrDefault("id")?.ToString(), out var id))
        {
            if (Guid.TryParse(query["patientId"], out var fromQuery))
            {
                return fromQuery;
            }
            // A new consultation names its patient in the form (already read by model binding).
            var request = context.HttpContext.Request;
            return request.HasFormContentType && Guid.TryParse((await request.ReadFormAsync(cancel))["Input.PatientId"], out var fromForm)
                ? fromForm
                : null;
        }
        switch (context.ActionDescriptor.ViewEnginePath)
        {
            case "/Records/Entry" or "/Records/Amend" when Enum.TryParse<Domain.Security.Team>(values.GetValueOrDefault("team")?.ToString(), out var team):
                return await db.Entries(team).Where(e => e.Id == id).Select(e => (Guid?)e.PatientId).FirstOrDefaultAsync(cancel);
            case "/Records/Consultation":
                foreach (var team in Enum.GetValues<Domain.Security.Team>())
                {
                    if (await db.Entries(team).Where(e => e.Id == id).Select(e => (Guid?)e.PatientId).FirstOrDefaultAsync(cancel) is { } pid)
                    {
                        return pid;
                    }
                }
                return null;
            case "/CareRequests/Request":
                return await db.CareRequests.Where(r => r.Id == id).Select(r => r.PatientId).FirstOrDefaultAsync(cancel);
            default:
                return null;
        }
    }

    /// <summary>The patient a page is about, when its route names him.</summary>
    private static Guid? PatientOf(PageHandlerExecutingContext context)
    {
        var values = context.RouteData.Values;
        if (values.TryGetValue("patientId", out var patientId) && Guid.TryParse(patientId?.ToString(), out var pid))
        {
            return pid;
        }
        var page = context.ActionDescriptor.ViewEnginePath;
        return page is "/Patients/Chart" or "/Patients/Edit" && values.TryGetValue("id", out var id)
               && Guid.TryParse(id?.ToString(), out var chart) ? chart : null;
    }
}
