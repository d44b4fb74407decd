using UsmpCare.Domain.Consents;
using UsmpCare.Domain.CareRequests;
using UsmpCare.Domain.Records;
using UsmpCare.Web.Patients;

namespace UsmpCare.Web.Pages.Records;

/// <summary>
/// The physician's consultation: consent first (P08), guard presence (P01), note, findings, CIM-10 diagnoses,
/// prescriptions with consent (P10), vital signs; saved as a draft or signed. Signed is final (P17).
/// </summary>
[RequirePermission(Permission.WriteConsultation)]
public sealed class ConsultationModel(AppDbContext db, PatientAccess access, TimeProvider clock, Web.Clinical.Cim10Catalogue cim10)
    : PatientPageModel(db, access, clock)
{
    public const int BlankRows = 3;

    [BindProperty] public ConsultationInput Input { get; set; } = new();
    public ClinicalEntry? Entry { get; private set; }
    public ClinicalEntry? Original { get; private set; }
    public bool SignerHasTreatedPatient { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public ClinicalEntry? Conflicting { get; private set; }

    /// <summary>The patient's open care requests addressed to this team: signing can answer them (P33).</summary>
    public IReadOnlyList<CareRequest> OpenRequests { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? appointmentId)
    {
        if (Entry is not null && Entry.Status == EntryStatus.Draft)
        {
            Input = ConsultationInput.From(Entry);
        }
        else if (Entry is not null)
        {
            return RedirectToPage("/Records/Entry", new { team = Entry.Team, id = Entry.Id });
        }
        else
        {
            Input = new ConsultationInput { PatientId = Banner.Patient.Id, OccurredAt = Fr.Local(Clock.GetUtcNow()) };
            await PrefillAsync(appointmentId);
        }
        Input.Pad(BlankRows);
        return Page();
    }

    /// <summary>
    /// From the day's list: the appointment's kind, reason and care request fill the form — only an appointment of this
    /// patient held by the writer's team (P30).
    /// </summary>
    private async Task PrefillAsync(Guid? appointmentId)
    {
        var team = User.TeamOf();
        var appointment = appointmentId is null ? null : await Db.Appointments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == appointmentId && a.PatientId == Banner.Patient.Id && a.Team == team);
        if (appointment is null)
        {
            return;
        }
        Input.Type = appointment.ConsultationType;
        Input.OccurredAt = Fr.Local(appointment.Start);
        Input.Note = appointment.Reason is { } reason ? $"Motif du rendez-vous : {reason}" : null;
        if (appointment.CareRequestId is { } requestId && OpenRequests.Any(r => r.Id == requestId))
        {
            Input.AnsweredRequestIds = [requestId];
        }
    }

    /// <summary>Every button posts to the draft's own address once it exists, so a second click never makes a second draft.</summary>
    public string ActionUrl(string handler) =>
        Url.Page("/Records/Consultation", handler, Entry is null ? null : new { id = Entry.Id })!;

    [ShowsInputErrors]
    public Task<IActionResult> OnPostSaveAsync() => SaveAsync(sign: false);

    [ShowsInputErrors]
    public Task<IActionResult> OnPostSignAsync() => SaveAsync(sign: true);

    public async Task<IActionResult> OnPostAbandonAsync()
    {
        if (Entry is null)
        {
            return NotFound();
        }
        if (Entry.Status != EntryStatus.Draft)
        {
            return await ConflictAsync();
        }
        Entry.Abandon(Clock.GetUtcNow());
        Db.Entry(Entry).Property(e => e.Version).OriginalValue = Input.Version;
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync();
        }
        return RedirectToPage("/Patients/Chart", new { id = Entry.PatientId });
    }

    private async Task<IActionResult> SaveAsync(bool sign)
    {
        var now = Clock.GetUtcNow();
        var user = Actor.Of(User);
        var entry = Entry;
        if (entry is null)
        {
            entry = ClinicalEntry.New(User.TeamOf()!.Value, EntryKind.Consultation, Banner.Patient.Id,
                Banner.Patient.UnitId, user.Id, user.Name, now);
            Db.Add(entry);
            Entry = entry;
        }
        else
        {
            if (entry.Status != EntryStatus.Draft)
            {
                ModelState.AddModelError("", "Cette entrée est signée : elle ne peut plus être modifiée. Rédigez un amendement, l'original restera visible (P17).");
                return await RedisplayAsync();
            }
            Db.Entry(entry).Property(e => e.Version).OriginalValue = Input.Version;
            entry.Touch(now);
        }
        var inputProblems = Input.ApplyTo(entry, await cim10.ResolveAsync(Input.Diagnoses));
        foreach (var problem in inputProblems)
        {
            ModelState.AddModelError("", problem);
        }
        if (!ModelState.IsValid)
        {
            // Bad input is shown with what was typed; an existing draft keeps its last saved state.
            return await RedisplayAsync();
        }
        if (sign)
        {
            // P36: minority is judged on the day of the act, in the unit's time.
            var minor = MinorCare.Of(Banner.Patient, DateOnly.FromDateTime(Fr.Local(entry.OccurredAt)), Banner.Consents);
            Problems = entry.SignatureProblems(SignerHasTreatedPatient, minor);
            if (Problems.Count == 0)
            {
                entry.Sign(user.Id, user.Name, now, SignerHasTreatedPatient, minor);
                await EnsureRecordOpenAsync(entry, now);
                await AnswerRequestsAsync(entry, user, now);
            }
        }
        try
        {
            await Db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ConflictAsync();
        }
        if (sign && Problems.Count > 0)
        {
            // Not signed, but nothing is lost: the draft was saved with what the physician typed.
            foreach (var problem in Problems)
            {
                ModelState.AddModelError("", problem);
            }
            Input = ConsultationInput.From(entry);
            Input.Pad(BlankRows);
            TempData.Remove("Message");
            ViewData["Saved"] = "Brouillon enregistré, mais pas signé :";
            return Page();
        }
        TempData["Message"] = sign ? "Consultation signée." : "Brouillon enregistré.";
        return sign ? RedirectToPage("/Patients/Chart", new { id = entry.PatientId }) : RedirectToPage("/Records/Consultation", new { id = entry.Id });
    }

    private async Task AnswerRequestsAsync(ClinicalEntry entry, Actor user, DateTimeOffset now)
    {
        // A request is answered only by a consultation held after the slip was collected.
        var ids = Input.AnsweredRequestIds.Intersect(OpenRequests.Where(r => r.CollectedAt <= entry.OccurredAt).Select(r => r.Id)).ToList();
        var requests = await Db.CareRequests.Include(r => r.Events).Where(r => ids.Contains(r.Id)).ToListAsync();
        foreach (var request in requests)
        {
            request.AnsweredBy(entry.Id, entry.OccurredAt, user.Id, user.Name, now);
        }
    }

    private async Task EnsureRecordOpenAsync(ClinicalEntry entry, DateTimeOffset now)
    {
        if (await Db.MedicalRecords.FindAsync(entry.PatientId, entry.Team) is null)
        {
            Db.MedicalRecords.Add(new MedicalRecord(entry.PatientId, entry.Team, now));
        }
    }

    private async Task<IActionResult> ConflictAsync()
    {
        Db.ChangeTracker.Clear();
        Conflicting = await Db.Entries(User.TeamOf()!.Value).AsNoTracking().FirstOrDefaultAsync(e => e.Id == Entry!.Id);
        ModelState.AddModelError("", Conflicting?.Status == EntryStatus.Draft
            ? $"Ce brouillon a été modifié par quelqu'un d'autre (enregistré le {Fr.DateTime(Conflicting.UpdatedAt)}) pendant que vous écriviez. Votre saisie n'a pas été enregistrée mais reste ci-dessous ; la version enregistrée est affichée en dessous pour que vous reportiez vos ajouts, puis enregistrez de nouveau."
            : "Cette consultation a été signée ou abandonnée entre-temps : votre saisie n'a pas été enregistrée mais reste ci-dessous. Rédigez un amendement si une correction est nécessaire.");
        if (Conflicting is not null)
        {
            Input.Version = Conflicting.Version;
        }
        Input.Pad(BlankRows);
        return Page();
    }

    private async Task<IActionResult> RedisplayAsync()
    {
        Input.Pad(BlankRows);
        await Task.CompletedTask;
        return Page();
    }

    /// <summary>The draft the route names (own team's record only), else the patient asked for (the query on a GET,
    /// the form on a POST), opened for writing in the user's own team's record.</summary>
    protected override async Task<PatientOpening?> OpeningAsync(OpensPatientAttribute? declared)
    {
        if (User.TeamOf() is not { } team)
        {
            return new PatientOpening(null, Forbid());
        }
        var patientId = HttpMethods.IsGet(Request.Method) ? GuidOf("patientId") : Input.PatientId;
        if (GuidOf("id") is { } id)
        {
            Entry = await Db.Entries(team).FirstOrDefaultAsync(e => e.Id == id && e.Kind == EntryKind.Consultation);
            if (Entry is null)
            {
                return new PatientOpening(null, NotFound());
            }
            patientId = Entry.PatientId;
            if (Entry.AmendsId is { } originalId)
            {
                Original = await Db.Entries(team).AsNoTracking().FirstOrDefaultAsync(e => e.Id == originalId);
            }
        }
        return await Access.OpenAsync(patientId, PatientNeed.WriteRecord, team);
    }

    protected override async Task OnOpenedAsync()
    {
        var team = User.TeamOf()!.Value;
        var patient = Banner.Patient;
        var requestTeams = CareRequest.RequestTeamsOf(team).ToList();
        OpenRequests = await Db.CareRequests.AsNoTracking()
            .Where(CareRequest.Open).Where(r => r.PatientId == patient.Id && requestTeams.Contains(r.Team))
            .OrderBy(r => r.CollectedAt).ToListAsync();
        var userId = User.UserId();
        // P28: has this physician treated the patient (any signed consultation other than a prevention visit)?
        SignerHasTreatedPatient = await Db.Entries(team).AnyAsync(e => e.PatientId == patient.Id
            && e.SignedById == userId && e.Kind == EntryKind.Consultation
            && e.ConsultationType != ConsultationType.WorkPrevention);
    }
}
