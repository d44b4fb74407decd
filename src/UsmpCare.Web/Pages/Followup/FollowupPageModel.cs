using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Followup;

/// <summary>
/// A follow-up page of one patient (issue #21, points 5 and 6): read from his chart in his unit, the items of the records
/// the reader may read (P30); written in the writer's own team's record only (<see cref="PatientNeed.WriteRecord"/>).
/// A domain refusal is shown by <see cref="ShowDomainErrorsFilter"/>, which reloads the lists through <see cref="ReloadAsync"/>.
/// The patient is opened by <see cref="OpenPatientFilter"/> before any handler: for his chart here, for the writer's own
/// team's record on each POST handler (<c>[OpensPatient(PatientNeed.WriteRecord)]</c>).
/// </summary>
[OpensPatient(PatientNeed.ViewChart)]
public abstract class FollowupPageModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : PatientPageModel(db, access, clock), IReloadsAfterRefusal
{
    [TempData] public string? Message { get; set; }

    /// <summary>The team whose record the reader writes in, if he may write here.</summary>
    public Team? WritingTeam { get; private set; }

    public DateOnly Today => Fr.Today(Clock);

    public async Task<IActionResult> OnGetAsync()
    {
        await ReloadAsync();
        return Page();
    }

    public async Task ReloadAsync()
    {
        WritingTeam = User.TeamOf() is { } team && Opened.CanWrite(team) && !Opened.ReadOnly ? team : null;
        await LoadAsync();
    }

    protected abstract Task LoadAsync();

    /// <summary>
    /// On a handler that opened the patient for writing in the user's team's record: checks one of the permissions the
    /// act needs, applies the change and saves; a refusal of the domain saves nothing and redisplays the page with its
    /// French message.
    /// </summary>
    protected async Task<IActionResult> WriteAsync(Guid patientId, Permission[] anyOf, Func<Team, Actor, Task<string>> change)
    {
        if (!anyOf.Any(User.Can) || User.TeamOf() is not { } team)
        {
            return Forbid();
        }
        Message = await change(team, Actor.Of(User));
        await Db.SaveChangesAsync();
        return RedirectToPage(new { patientId });
    }
}
