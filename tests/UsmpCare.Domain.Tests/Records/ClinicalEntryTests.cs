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

        var sign = () => entry.Sign(Guid.NewGuid(), "Dr Test", Now, false);

        sign.Should().Throw<DomainException>().Which.Problems.Should().ContainSingle(p => p.Contains("P08"));
        entry.Status.Should().Be(EntryStatus.Draft);
    }

    [Fact]
    public void A_refusal_records_nothing_but_the_refusal()
    {
        var entry = Consultation();
        entry.Consent = ConsentStatus.Refused;
        entry.Findings = "Hématome";

        entry.SignatureProblems(false).Should().Contain(p => p.Contains("refusé la consultation"));
        entry.Findings = null;
        entry.SignatureProblems(false).Should().BeEmpty();
    }

    [Fact]
    public void A_guard_needs_a_reason_and_each_prescription_a_consent()
    {
        var entry = Consultation();
        entry.GuardPresent = true;
        entry.Prescriptions = [new PrescriptionLine { Text = "Ibuprofène", PatientConsented = false }];

        var problems = entry.SignatureProblems(false);

        problems.Should().Contain(p => p.Contains("P01")).And.Contain(p => p.Contains("« Ibuprofène »") && p.Contains("P10"));
    }

    [Fact]
    public void A_work_prevention_visit_by_the_treating_physician_needs_a_reason()
    {
        var entry = Consultation();
        entry.ConsultationType = ConsultationType.WorkPrevention;

        entry.SignatureProblems(signerHasTreatedPatient: false).Should().BeEmpty();
        entry.SignatureProblems(signerHasTreatedPatient: true).Should().ContainSingle(p => p.Contains("P28"));
        entry.TreatingPhysicianReason = "Seul médecin disponible";
        entry.SignatureProblems(signerHasTreatedPatient: true).Should().BeEmpty();
    }

    [Fact]
    public void A_signed_entry_is_final_and_corrected_by_an_amendment_that_copies_it()
    {
        var entry = Consultation();
        entry.Diagnoses = [new Diagnosis("I10", "Hypertension essentielle (primitive)")];
        entry.Sign(Guid.NewGuid(), "Dr Test", Now, false);

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
    public void A_draft_cannot_be_amended()
    {
        Consultation().Invoking(e => e.Amend("motif", Guid.NewGuid(), "Dr", Now)).Should().Throw<DomainException>();
    }
}
