using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages;

/// <summary>
/// A page about one patient, with his banner. <see cref="OpenPatientFilter"/> opens him through
/// <see cref="PatientAccess"/> before any handler runs, as <see cref="OpensPatientAttribute"/> (or
/// <see cref="OpeningAsync"/>) says: access is decided once (unit, team, transfer, break-the-glass) and the request
/// filed under him for the audit trail; a handler starts with <see cref="Opened"/> and <see cref="Banner"/> filled.
/// </summary>
public abstract class PatientPageModel(AppDbContext db, PatientAccess access, TimeProvider clock) : PageModel
{
    public PatientBanner Banner { get; private set; } = null!;

    /// <summary>The patient as opened: what the user may read and write in each record.</summary>
    public OpenedPatient Opened { get; private set; } = null!;

    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;
    protected PatientAccess Access => access;

    internal bool IsOpened { get; private set; }

    /// <summary>How the patient is opened before a handler runs; null when the page's handlers open him themselves
    /// (the older way, kept until every page declares). By default the route's <c>patientId</c> (or
    /// <see cref="OpensPatientAttribute.Route"/>) for the declared need — <see cref="PatientNeed.ViewChart"/> when
    /// none — on the route's <c>{team}</c> record, else the user's own team's. A page reaching the patient through
    /// something else (an appointment, a draft) overrides it.</summary>
    protected virtual async Task<PatientOpening?> OpeningAsync(OpensPatientAttribute? declared)
    {
        var route = declared?.Route ?? OpensPatientAttribute.PatientRoute;
        if (declared is null && RouteValue(route) is null)
        {
            return null;
        }
        var need = declared?.Need ?? PatientNeed.ViewChart;
        var team = Enum.TryParse<Team>(RouteValue("team"), out var named) && Enum.IsDefined(named) ? named : (Team?)null;
        if (declared is { Entry: true })
        {
            return team is { } entryTeam && GuidOf("id") is { } entryId
                ? await access.OpenEntryAsync(entryTeam, entryId, need)
                : new PatientOpening(null, NotFound());
        }
        return await access.OpenAsync(GuidOf(route), need, team);
    }

    /// <summary>What every handler of the page shows, loaded once the patient is opened (the handler runs next).</summary>
    protected virtual Task OnOpenedAsync() => Task.CompletedTask;

    /// <summary>Called by <see cref="OpenPatientFilter"/>: null when the handler may run; otherwise the 404 or 403.</summary>
    internal async Task<IActionResult?> OpenBeforeHandlerAsync(OpensPatientAttribute? declared)
    {
        if (await OpeningAsync(declared) is not { } opening)
        {
            return null;
        }
        if (await UseAsync(opening) is { } refused)
        {
            return refused;
        }
        await OnOpenedAsync();
        return null;
    }

    /// <summary>The route's value, or the query string's.</summary>
    protected string? RouteValue(string key) =>
        RouteData.Values.TryGetValue(key, out var value) && value?.ToString() is { Length: > 0 } text ? text
        : Request.Query.TryGetValue(key, out var query) && query.ToString() is { Length: > 0 } asked ? asked : null;

    protected Guid? GuidOf(string key) => Guid.TryParse(RouteValue(key), out var id) ? id : null;

    /// <summary>The older way, kept only for <c>Pages/EntryVisits/Visit</c> until it declares [OpensPatient]: null when the
    /// patient is opened for this need, otherwise the 404 or 403 to return. A new page never calls it.</summary>
    protected async Task<IActionResult?> OpenAsync(Guid? patientId, PatientNeed need, Team? team = null) =>
        await UseAsync(await access.OpenAsync(patientId, need, team));

    /// <summary>The entry the page was opened with (<see cref="OpensPatientAttribute.Entry"/>).</summary>
    protected ClinicalEntry OpenedEntry { get; private set; } = null!;

    private async Task<IActionResult?> UseAsync(PatientOpening opening)
    {
        if (opening.Refusal is { } refused)
        {
            return refused;
        }
        Opened = opening.Opened!;
        OpenedEntry = opening.Entry!;
        Banner = await Opened.BannerAsync();
        IsOpened = true;
        return null;
    }
}
