using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Records;
using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Records;

public sealed class ClinicalEntryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static ClinicalEntry Consultation(Team team = Team.Somatic)
    {
        var entry = ClinicalEntry.New(team, EntryKind.Consultation, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Dr Test", Now);
        entry.ConsultationType = ConsultationType.Consultation;
        entry.Consent = ConsentStatus.Given;
        entry.Note = "Note";
        return entry;
    }

    [Fact]
    public void Each_team_writes_in_its_own_record_type()
    {
        Consultation(Team.Somatic).Should().BeOfType<SomaticEntry>();
        Consultation(Team.Psychiatric).Should().BeOfType<PsychiatricEntry>().Which.Team.Should().Be(Team.Psychiatric);
    }

    [Fact]
    public void Consent_must_be_recorded_before_signing()
    {
        var entry = Consultation();
        entry.Consent = ConsentStatus.NotRecorded;

        var sign = () => entry.Sign(Guid.NewGuid(), "Dr Test", Now, false, MinorCare.Adult);

        sign.Should().Throw<DomainException>().Which.Problems.Should().ContainSingle(p => p.Contains("P08"));
        entry.Status.Should().Be(EntryStatus.Draft);
    }

    [Fact]
    public void A_refusal_records_nothing_but_the_refusal()
    {
        var entry = Consultation();
        entry.Consent = ConsentStatus.Refused;
        entry.Findings = "Hématome";

        entry.SignatureProblems(false, MinorCare.Adult).Should().Contain(p => p.Contains("refusé la consultation"));
        entry.Findings = null;
        entry.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty();
    }

    [Fact]
    public void A_guard_needs_a_reason_and_each_prescription_a_consent()
    {
        var entry = Consultation();
        entry.GuardPresent = true;
        entry.Prescriptions = [new PrescriptionLine { Text = "Ibuprofène", PatientConsented = false }];

        var problems = entry.SignatureProblems(false, MinorCare.Adult);

        problems.Should().Contain(p => p.Contains("P01")).And.Contain(p => p.Contains("« Ibuprofène »") && p.Contains("P10"));
    }

    [Fact]
    public void A_guard_in_the_room_needs_a_ground_from_the_list_and_the_physicians_words()
    {
        var entry = Consultation();
        entry.GuardPresent = true;
        entry.GuardReason = "Menaces répétées envers l'infirmière";

        entry.SignatureProblems(false, MinorCare.Adult).Should().ContainSingle(p => p.Contains("motif de sécurité"));
        entry.GuardGround = (GuardGround)42;
        entry.SignatureProblems(false, MinorCare.Adult).Should().ContainSingle(p => p.Contains("motif de sécurité"), "a ground outside the list is no ground");
        entry.GuardGround = GuardGround.AssaultRisk;
        entry.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty();
        entry.GuardReason = null;
        entry.SignatureProblems(false, MinorCare.Adult).Should().ContainSingle(p => p.Contains("raison de sécurité"));
    }

    [Fact]
    public void A_work_prevention_visit_by_the_treating_physician_needs_a_reason()
    {
        var entry = Consultation();
        entry.ConsultationType = ConsultationType.WorkPrevention;

        entry.SignatureProblems(signerHasTreatedPatient: false, MinorCare.Adult).Should().BeEmpty();
        entry.SignatureProblems(signerHasTreatedPatient: true, MinorCare.Adult).Should().ContainSingle(p => p.Contains("P28"));
        entry.TreatingPhysicianReason = "Seul médecin disponible";
        entry.SignatureProblems(signerHasTreatedPatient: true, MinorCare.Adult).Should().BeEmpty();
    }

    [Fact]
    public void A_signed_entry_is_final_and_corrected_by_an_amendment_that_copies_it()
    {
        var entry = Consultation();
        entry.Diagnoses = [new Diagnosis("I10", "Hypertension essentielle (primitive)")];
        entry.Sign(Guid.NewGuid(), "Dr Test", Now, false, MinorCare.Adult);

        entry.Invoking(e => e.Touch(Now)).Should().Throw<DomainException>().Which.Message.Should().Contain("P17");
        entry.Invoking(e => e.Abandon(Now)).Should().Throw<DomainException>();
        entry.Invoking(e => e.Amend(" ", Guid.NewGuid(), "Dr B", Now)).Should().Throw<DomainException>();

        var amendment = entry.Amend("Erreur de code", Guid.NewGuid(), "Dr B", Now.AddHours(1));

        amendment.AmendsId.Should().Be(entry.Id);
        amendment.Status.Should().Be(EntryStatus.Draft);
        amendment.Diagnoses.Should().ContainSingle(d => d.Code == "I10");
        amendment.Diagnoses.Should().NotBeSameAs(entry.Diagnoses);
        amendment.Should().BeOfType<SomaticEntry>();
    }

    [Fact]
    public void Queries_and_code_share_one_definition_of_signed_and_of_shown()
    {
        var draft = Consultation();
        var signed = Consultation();
        signed.Sign(Guid.NewGuid(), "Dr Test", Now, false, MinorCare.Adult);
        var abandoned = Consultation();
        abandoned.Abandon(Now);
        var entries = new[] { draft, signed, abandoned }.AsQueryable();

        // The pages filter with ClinicalEntry.Signed / Shown (translated to SQL); rules ask IsSigned: one rule each.
        entries.Where(ClinicalEntry.Signed).Should().ContainSingle().Which.Should().BeSameAs(signed);
        entries.Where(ClinicalEntry.Shown).Should().BeEquivalentTo(new[] { draft, signed });
        entries.Select(e => e.IsSigned).Should().Equal(false, true, false);
    }

    [Fact]
    public void A_draft_cannot_be_amended()
    {
        Consultation().Invoking(e => e.Amend("motif", Guid.NewGuid(), "Dr", Now)).Should().Throw<DomainException>();
    }

    [Fact]
    public void A_guard_with_a_stated_reason_does_not_stop_the_signature()
    {
        var entry = Consultation();
        entry.GuardPresent = true;
        entry.GuardGround = GuardGround.AssaultRisk;
        entry.GuardReason = "Risque d'agression signalé";

        entry.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty();
    }

    [Fact]
    public void A_consultation_needs_its_type_and_a_note_or_findings()
    {
        var entry = Consultation();
        entry.ConsultationType = null;
        entry.Note = " ";

        entry.SignatureProblems(false, MinorCare.Adult).Should().HaveCount(2)
            .And.Contain(p => p.Contains("type de consultation")).And.Contain(p => p.Contains("note ou les constatations"));
        entry.Findings = "Auscultation normale";
        entry.ConsultationType = ConsultationType.FollowUp;
        entry.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty();
    }

    [Fact]
    public void A_refusal_is_signed_with_its_circumstances()
    {
        // P08: a refusal ends the consultation and is recorded as such.
        var entry = Consultation();
        entry.Consent = ConsentStatus.Refused;
        entry.Note = null;

        entry.SignatureProblems(false, MinorCare.Adult).Should().ContainSingle(p => p.Contains("circonstances du refus"));
        entry.ConsentDetails = "Refuse l'examen, calme";
        entry.Sign(Guid.NewGuid(), "Dr Test", Now, false, MinorCare.Adult);
        entry.IsSigned.Should().BeTrue();
    }

    [Fact]
    public void A_recommendation_without_consent_is_named_as_such()
    {
        // P10: consent before each préconisation.
        var entry = Consultation();
        entry.Prescriptions = [new PrescriptionLine { Text = "Matelas", Kind = PrescriptionKind.Recommendation }];

        entry.SignatureProblems(false, MinorCare.Adult).Should().ContainSingle(p => p.Contains("préconisation") && p.Contains("P10"));
        entry.Prescriptions = [new PrescriptionLine { Text = "Matelas", Kind = PrescriptionKind.Recommendation, PatientConsented = true }];
        entry.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty();
    }

    [Fact]
    public void Nursing_notes_and_medication_rounds_have_their_own_requirements()
    {
        var note = ClinicalEntry.New(Team.Somatic, EntryKind.NursingNote, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Inf.", Now);
        note.SignatureProblems(false, MinorCare.Adult).Should().ContainSingle(p => p.Contains("Rédigez la note"));
        note.Vitals = new VitalSigns { TemperatureC = 37.5m };
        note.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty("vital signs alone make a nursing note");

        var round = ClinicalEntry.New(Team.Somatic, EntryKind.MedicationAdministration, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Inf.", Now);
        round.SignatureProblems(false, MinorCare.Adult).Should().HaveCount(2);
        round.Medication = "Paracétamol";
        round.MedicationOutcome = MedicationOutcome.Refused;
        round.SignatureProblems(false, MinorCare.Adult).Should().BeEmpty();
    }

    [Fact]
    public void Signing_records_who_and_when_and_drops_a_reason_the_rule_did_not_need()
    {
        var entry = Consultation();
        entry.TreatingPhysicianReason = "sans objet";
        var signer = Guid.NewGuid();

        entry.Sign(signer, "Dr Signataire", Now.AddMinutes(5), signerHasTreatedPatient: false, MinorCare.Adult);

        entry.Status.Should().Be(EntryStatus.Signed);
        entry.SignedById.Should().Be(signer);
        entry.SignedByName.Should().Be("Dr Signataire");
        entry.SignedAt.Should().Be(Now.AddMinutes(5));
        entry.TreatingPhysicianReason.Should().BeNull();
        entry.Invoking(e => e.Sign(signer, "Dr Signataire", Now.AddMinutes(6), false, MinorCare.Adult)).Should().Throw<DomainException>().WithMessage("*P17*");
        entry.SignedAt.Should().Be(Now.AddMinutes(5));
    }

    [Fact]
    public void A_draft_is_edited_until_signed_or_abandoned_and_an_abandoned_draft_is_kept_not_deleted()
    {
        var entry = Consultation();
        entry.Touch(Now.AddMinutes(1));
        entry.UpdatedAt.Should().Be(Now.AddMinutes(1));

        entry.Abandon(Now.AddMinutes(2));

        entry.Status.Should().Be(EntryStatus.Abandoned);
        entry.Invoking(e => e.EnsureEditable()).Should().Throw<DomainException>();
        entry.Invoking(e => e.Sign(Guid.NewGuid(), "Dr", Now, false, MinorCare.Adult)).Should().Throw<DomainException>();
        entry.Status.Should().Be(EntryStatus.Abandoned);
    }

    [Theory]
    [InlineData(typeof(VitalSigns))]
    [InlineData(typeof(PrescriptionLine))]
    public void The_parts_of_an_entry_are_set_once_so_a_signed_entry_cannot_be_changed_through_them(Type part)
    {
        // P17: the entry's setters refuse a signed entry, but « entry.Vitals.HeartRate = 80 » would not go through them;
        // so a part's properties can only be given when the part is made (init), and a draft is changed by a new part.
        var settable = part.GetProperties().Where(p => p.SetMethod is { IsPublic: true } set
            && !set.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit)));
        settable.Select(p => p.Name).Should().BeEmpty();
        part.GetProperties().Should().Contain(p => p.SetMethod != null, "the check must see the parts' init setters");
    }

    [Theory]
    [InlineData(EntryStatus.Signed)]
    [InlineData(EntryStatus.Abandoned)]
    public void No_public_setter_changes_a_signed_or_abandoned_entry(EntryStatus status)
    {
        // P17: every public setter of the entry, found by reflection so that a new field is held to it too.
        var entry = Consultation();
        if (status == EntryStatus.Signed)
        {
            entry.Sign(Guid.NewGuid(), "Dr Test", Now, false, MinorCare.Adult);
        }
        else
        {
            entry.Abandon(Now);
        }
        var setters = typeof(ClinicalEntry).GetProperties().Where(p => p.SetMethod?.IsPublic == true).ToList();

        setters.Should().HaveCountGreaterThan(10);
        foreach (var property in setters)
        {
            var before = property.GetValue(entry);
            var set = () => property.SetValue(entry, property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null);
            set.Should().Throw<System.Reflection.TargetInvocationException>(property.Name)
                .WithInnerException<DomainException>().Which.Message.Should().Contain("P17");
            property.GetValue(entry).Should().Be(before, property.Name);
        }
        entry.Note.Should().Be("Note");
    }

    [Fact]
    public void An_amendment_copies_the_whole_content_into_the_same_team_without_sharing_it()
    {
        var entry = Consultation(Team.Psychiatric);
        entry.OccurredAt = Now.AddHours(-2);
        entry.GuardPresent = true;
        entry.GuardGround = GuardGround.EscapeRisk;
        entry.GuardReason = "Risque";
        entry.Findings = "Calme";
        entry.Vitals = new VitalSigns { HeartRate = 80 };
        entry.Prescriptions = [new PrescriptionLine { Text = "Hydroxyzine", PatientConsented = true }];
        entry.Sign(Guid.NewGuid(), "Dr Test", Now, false, MinorCare.Adult);

        var amendment = entry.Amend(" Erreur de posologie ", Guid.NewGuid(), "Dr B", Now.AddHours(1));

        amendment.Should().BeOfType<PsychiatricEntry>();
        amendment.AmendmentReason.Should().Be("Erreur de posologie");
        amendment.OccurredAt.Should().Be(entry.OccurredAt);
        amendment.CreatedAt.Should().Be(Now.AddHours(1));
        amendment.Should().BeEquivalentTo(entry, o => o
            .Including(e => e.Consent).Including(e => e.GuardPresent).Including(e => e.GuardGround).Including(e => e.GuardReason).Including(e => e.Note)
            .Including(e => e.Findings).Including(e => e.ConsultationType).Including(e => e.Vitals).Including(e => e.Prescriptions));
        amendment.Vitals.Should().NotBeSameAs(entry.Vitals);
        amendment.Prescriptions[0].Should().NotBeSameAs(entry.Prescriptions[0]);
    }

    [Fact]
    public void A_refusal_with_only_a_diagnosis_or_only_a_prescription_is_not_signed()
    {
        var diagnosed = Consultation();
        diagnosed.Consent = ConsentStatus.Refused;
        diagnosed.Diagnoses = [new Diagnosis("J45.9", "Asthme")];
        diagnosed.SignatureProblems(false, MinorCare.Adult).Should().Contain(p => p.Contains("refusé la consultation"));

        var prescribed = Consultation();
        prescribed.Consent = ConsentStatus.Refused;
        prescribed.Prescriptions = [new PrescriptionLine { Text = "Ibuprofène", PatientConsented = true }];
        prescribed.SignatureProblems(false, MinorCare.Adult).Should().Contain(p => p.Contains("refusé la consultation"));
    }

    [Fact]
    public void A_prescription_without_consent_is_called_a_prescription()
    {
        var entry = Consultation();
        entry.Prescriptions = [new PrescriptionLine { Text = "Ibuprofène", Kind = PrescriptionKind.Prescription }];

        entry.SignatureProblems(false, MinorCare.Adult).Should().ContainSingle(p => p.Contains("cette prescription"));
    }

    [Theory]
    [InlineData(ConsultationType.WorkPrevention, true, "Seul médecin disponible")]
    [InlineData(ConsultationType.WorkPrevention, false, null)]
    [InlineData(ConsultationType.Consultation, true, null)]
    public void The_treating_physicians_reason_is_kept_only_where_the_rule_asked_for_it(ConsultationType type, bool treated, string? kept)
    {
        var entry = Consultation();
        entry.ConsultationType = type;
        entry.TreatingPhysicianReason = "Seul médecin disponible";

        entry.Sign(Guid.NewGuid(), "Dr Test", Now, signerHasTreatedPatient: treated, MinorCare.Adult);

        entry.TreatingPhysicianReason.Should().Be(kept);
    }
}
