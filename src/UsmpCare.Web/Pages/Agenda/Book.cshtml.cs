using UsmpCare.Domain.Agenda;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Patients;
using UsmpCare.Web.Agenda;

namespace UsmpCare.Web.Pages.Agenda;

/// <summary>
/// Books an appointment — from a care request (it moves to « rendez-vous fixé », P33), from a chart, or from a recall
/// (<c>?recallId=</c>, the entry point of the recalls to come) — by the clinicians and the secretariat.
/// </summary>
[Auditing.Audited]
[RequirePermission(Permission.BookAppointments)]
public sealed class BookModel(AppDbContext db, CurrentUnit currentUnit, AgendaBook agenda, TimeProvider clock)
    : PageModel, IReloadsAfterRefusal
{
    /// <summary>A request awaiting its appointment; its summary only for the team it is addressed to (P30, P33).</summary>
    public sealed record Waiting(CareRequest Request, string Patient, string Ecrou, bool ShowSummary);

    [BindProperty] public BookingForm Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public Patient? Patient { get; private set; }
    public CareRequest? Answering { get; private set; }

    /// <summary>The recall the appointment answers (issue #21); its detail only for its own team (P30).</summary>
    public Domain.Followup.Recall? Recall { get; private set; }
    public bool ShowRequestSummary { get; private set; }
    public IReadOnlyList<Practitioner> Practitioners { get; private set; } = [];
    public IReadOnlyList<Room> Rooms { get; private set; } = [];
    public IReadOnlyList<Waiting> Requests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? careRequestId, Guid? patientId, Guid? recallId)
    {
        Input = new BookingForm
        {
            CareRequestId = careRequestId, PatientId = patientId, RecallId = recallId,
            PractitionerId = User.TeamOf() is null ? null : User.UserId(),
            Start = Fr.Local(clock.GetUtcNow()).Date.AddDays(1).AddHours(9),
        };
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var unitId = await currentUnit.IdAsync();
        if (unitId is null)
        {
            return Forbid();
        }
        var appointment = await agenda.BookAsync(unitId.Value, Input, User);
        Message = $"Rendez-vous pris le {Fr.DateTime(appointment.Start)} avec {appointment.PractitionerName}.";
        return RedirectToPage("/Agenda/Index", new { practitionerId = appointment.PractitionerId, week = Fr.Local(appointment.Start).ToString("yyyy-MM-dd") });
    }

    Task IReloadsAfterRefusal.ReloadAsync() => LoadAsync();

    /// <summary>Loads the lists of the form; false when the care request or patient asked for is not of the unit.</summary>
    private async Task<bool> LoadAsync()
    {
        var unitId = await currentUnit.IdAsync();
        Practitioners = unitId is null ? [] : await agenda.PractitionersAsync(unitId.Value);
        Rooms = await db.Rooms.AsNoTracking().Where(r => r.UnitId == unitId && r.IsActive).OrderBy(r => r.Name).ToListAsync();
        var team = User.TeamOf();
        var readsRequests = User.Can(Permission.HandleCareRequests) && team is not null;
        if (Input.CareRequestId is { } requestId)
        {
            Answering = await db.CareRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId && r.UnitId == unitId);
            if (Answering is null)
            {
                return false;
            }
            Input.PatientId ??= Answering.PatientId;
            ShowRequestSummary = readsRequests && Answering.RecordTeam == team;
        }
        if (Input.RecallId is { } recallId)
        {
            Recall = await db.Recalls.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recallId && r.UnitId == unitId);
            if (Recall is null)
            {
                return false;
            }
            Input.PatientId ??= Recall.PatientId;
        }
        if (Input.PatientId is { } patientId)
        {
            Patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == patientId && p.UnitId == unitId);
            if (Patient is null)
            {
                return false;
            }
        }
        // P30: a clinician books for his own team's requests; the secretariat sees every team's, without their text.
        var teams = team is { } own ? CareRequest.RequestTeamsOf(own).ToList() : Enum.GetValues<RequestTeam>().ToList();
        Requests = [.. (await db.CareRequests.AsNoTracking()
                .Where(r => r.UnitId == unitId && r.PatientId != null && teams.Contains(r.Team)
                            && (r.Status == CareRequestStatus.New || r.Status == CareRequestStatus.Triaged))
                .OrderBy(r => r.Urgency).ThenBy(r => r.CollectedAt).Take(50)
                .Join(db.Patients, r => r.PatientId, p => p.Id, (r, p) => new { r, p.LastName, p.FirstName, p.Ecrou })
                .ToListAsync())
            .Select(x => new Waiting(x.r, Patient.FullNameOf(x.LastName, x.FirstName), x.Ecrou, readsRequests))];
        return true;
    }
}
