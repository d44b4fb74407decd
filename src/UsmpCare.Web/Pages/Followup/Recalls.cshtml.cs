using UsmpCare.Domain;
using UsmpCare.Domain.Followup;
using UsmpCare.Web.Followup;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Followup;

/// <summary>
/// The patient's recalls (issue #21, point 5): a screening to offer again during detention, a vaccine dose, a chronic
/// disease's follow-up — due by a date until the agenda books an appointment for it (Agenda/Book with the recall, the one
/// way to book), then done or cancelled with a reason; never deleted.
/// </summary>
[RequirePermission(Permission.ReadRecord)]
public sealed class RecallsModel(AppDbContext db, PatientAccess access, TimeProvider clock)
    : FollowupPageModel(db, access, clock)
{
    private static readonly Permission[] Recalling = [Permission.WriteConsultation, Permission.WriteNursingNote];

    [BindProperty] public RecallReason Reason { get; set; }
    [BindProperty] public string? Detail { get; set; }
    [BindProperty] public DateOnly? DueOn { get; set; }
    [BindProperty] public Guid RecallId { get; set; }
    [BindProperty] public string? CancelReason { get; set; }

    public IReadOnlyList<Recall> Recalls { get; private set; } = [];
    public bool CanRecall => WritingTeam is not null && Recalling.Any(User.Can);

    protected override async Task LoadAsync() =>
        Recalls = await FollowupLists.Readable(Db.Recalls, Opened).OrderBy(r => r.State).ThenBy(r => r.DueOn).ToListAsync();

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostAddAsync(Guid patientId) => WriteAsync(patientId, Recalling, (team, by) =>
    {
        if (DueOn is null)
        {
            throw new DomainException("Indiquez la date du rappel.");
        }
        var recall = Recall.ByHand(patientId, Banner.Patient.UnitId, team, Reason, Detail, DueOn.Value, Today, by.Id, by.Name,
            Clock.GetUtcNow());
        Db.Recalls.Add(recall);
        return Task.FromResult($"Rappel enregistré pour le {Fr.Date(recall.DueOn)} : {recall.Detail}.");
    });

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostDoneAsync(Guid patientId) => WriteAsync(patientId, Recalling, async (team, _) =>
    {
        (await OwnAsync(patientId, team)).MarkDone(Clock.GetUtcNow());
        return "Rappel marqué fait.";
    });

    [OpensPatient(PatientNeed.WriteRecord)]
    public Task<IActionResult> OnPostCancelAsync(Guid patientId) => WriteAsync(patientId, Recalling, async (team, _) =>
    {
        (await OwnAsync(patientId, team)).Cancel(CancelReason, Clock.GetUtcNow());
        return "Rappel annulé : il reste dans l'historique avec son motif.";
    });

    /// <summary>P30: a recall is closed within the record of the team that made it.</summary>
    private async Task<Recall> OwnAsync(Guid patientId, Team team) =>
        await Db.Recalls.FirstOrDefaultAsync(r => r.Id == RecallId && r.PatientId == patientId && r.Team == team)
        ?? throw new DomainException("Ce rappel n'est pas dans le dossier de votre équipe.");
}
