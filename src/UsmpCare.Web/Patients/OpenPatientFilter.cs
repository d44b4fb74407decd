using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using UsmpCare.Web.Pages;

namespace UsmpCare.Web.Patients;

/// <summary>
/// How a <see cref="PatientPageModel"/> page, or one of its handlers, opens its patient before the handler runs: the
/// need (what <see cref="PatientAccess"/> checks) and where the route names him. A page that declares nothing opens
/// the route's <c>patientId</c> for <see cref="PatientNeed.ViewChart"/>: deny by default.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = true)]
public sealed class OpensPatientAttribute(PatientNeed need) : Attribute
{
    public const string PatientRoute = "patientId";

    public PatientNeed Need => need;

    /// <summary>The route value (or query parameter) that names the patient.</summary>
    public string Route { get; init; } = PatientRoute;

    /// <summary>Opened through an entry of one team's record: the route is <c>{team}/{id}</c>
    /// (<see cref="PatientAccess.OpenEntryAsync"/>).</summary>
    public bool Entry { get; init; }
}

/// <summary>
/// The one prologue of every page about a patient: before any handler of a <see cref="PatientPageModel"/> page runs,
/// the patient is opened through <see cref="PatientAccess"/> (unit, team P30, transfer P13, break-the-glass); a
/// refusal is the response and no handler runs. Inside the audit filter, which files the request under the patient
/// (P16), 404s included; after the binding filter, so bad input opens nothing.
/// </summary>
public sealed class OpenPatientFilter : IAsyncPageFilter, IOrderedFilter
{
    public int Order => 1;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerInstance is not PatientPageModel page)
        {
            await next();
            return;
        }
        var declared = context.HandlerMethod?.MethodInfo.GetCustomAttribute<OpensPatientAttribute>()
                       ?? page.GetType().GetCustomAttribute<OpensPatientAttribute>(inherit: true);
        if (await page.OpenBeforeHandlerAsync(declared) is { } refused)
        {
            context.Result = refused;
            return;
        }
        var executed = await next();
        // A page that opens its patient in its handlers (the older way) must still have opened him: nothing about a
        // patient is served unless PatientAccess decided.
        if (!page.IsOpened && executed.Exception is null && !IsRefusal(executed.Result))
        {
            throw new InvalidOperationException(
                $"{page.GetType().Name} is about a patient but opened none: declare [OpensPatient] or override OpeningAsync.");
        }
    }

    private static bool IsRefusal(IActionResult? result) =>
        result is ForbidResult or ChallengeResult
        || result is IStatusCodeActionResult { StatusCode: >= StatusCodes.Status400BadRequest };
}
