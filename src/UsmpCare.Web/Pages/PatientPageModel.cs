using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages;

/// <summary>
/// A page about one patient, with his banner: it opens him through <see cref="PatientAccess"/>, which decides access
/// once (unit, team, transfer, break-the-glass) and files the request under him for the audit trail.
/// </summary>
public abstract class PatientPageModel(AppDbContext db, PatientAccess access, TimeProvider clock) : PageModel
{
    public PatientBanner Banner { get; private set; } = null!;

    /// <summary>The patient as opened: what the user may read and write in each record.</summary>
    public OpenedPatient Opened { get; private set; } = null!;

    protected AppDbContext Db => db;
    protected TimeProvider Clock => clock;

    /// <summary>Null when the patient exists and the user may open his chart; otherwise the 404 or 403 to return.</summary>
    protected Task<IActionResult?> LoadPatientAsync(Guid patientId) => OpenAsync(patientId, PatientNeed.ViewChart);

    /// <summary>Null when the patient is opened for this need; otherwise the 404 or 403 to return.</summary>
    protected async Task<IActionResult?> OpenAsync(Guid? patientId, PatientNeed need, Team? team = null) =>
        await UseAsync(await access.OpenAsync(patientId, need, team));

    /// <summary>Opens an entry (<see cref="OpenedEntry"/>) and its patient for this need on that team's record; null,
    /// or the 404 or 403 to return.</summary>
    protected async Task<IActionResult?> OpenEntryAsync(Team team, Guid entryId, PatientNeed need) =>
        await UseAsync(await access.OpenEntryAsync(team, entryId, need));

    /// <summary>The entry the page was opened with by <see cref="OpenEntryAsync"/>.</summary>
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
        return null;
    }
}
