using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Security;
using UsmpCare.Domain.Treatments;

namespace UsmpCare.Domain.Tests.Treatments;

public sealed class PrescriptionValidationTests
{
    private static readonly Guid Pharmacist = Guid.NewGuid();
    private static readonly Drug Paracetamol = PrescriptionTests.Product("99000003", "PARACETAMOL DEMO 500 mg, comprimé", "PARACÉTAMOL");

    private static Prescription Draft()
    {
        var draft = Prescription.Draft(Guid.NewGuid(), Guid.NewGuid(), Team.Somatic, new Prescriber(Instants.Author, "Dr Test", null),
            Instants.Monday);
        draft.AddLine(PrescriptionLine.Create(new LineRequest(Paracetamol.Cis, null, 1, "comprimé(s)", DoseTimes.Morning, null, false,
            null, new DateOnly(2026, 11, 23), 5, null, null, null), Paracetamol, DistributionMode.Daily), [], new AllergyRecord());
        return draft;
    }

    private static Prescription Signed()
    {
        var prescription = Draft();
        prescription.Sign(Instants.Monday, false);
        return prescription;
    }

    private static PrescriptionValidation Validate(Prescription p, ValidationVerdict verdict = ValidationVerdict.Validated,
        string? remark = null, bool superseded = false) =>
        PrescriptionValidation.Of(p, superseded, verdict, remark, Pharmacist, "Inès Garnier", Instants.Monday.AddHours(2));

    [Fact]
    public void A_signed_prescription_is_validated_by_whom_and_when_for_its_patient_and_unit()
    {
        var prescription = Signed();

        var validation = Validate(prescription, ValidationVerdict.Remark, "  Dose maximale à préciser ");

        validation.Should().BeEquivalentTo(new
        {
            PrescriptionId = prescription.Id, prescription.PatientId, prescription.UnitId, Verdict = ValidationVerdict.Remark,
            Remark = "Dose maximale à préciser", PharmacistId = Pharmacist, PharmacistName = "Inès Garnier", At = Instants.Monday.AddHours(2),
        });
    }

    [Fact]
    public void A_draft_a_stop_or_a_superseded_version_is_not_validated()
    {
        var signed = Signed();
        var stop = signed.Stop(Team.Somatic, new Prescriber(Instants.Author, "Dr Test", null), Instants.Monday, "Guéri");

        foreach (var act in new Action[] { () => Validate(Draft()), () => Validate(stop), () => Validate(signed, superseded: true) })
        {
            act.Should().Throw<DomainException>().WithMessage("Seule une ordonnance signée et en cours se valide.");
        }
    }

    [Theory]
    [InlineData(null, "Écrivez la remarque adressée au prescripteur.")]
    [InlineData("   ", "Écrivez la remarque adressée au prescripteur.")]
    public void A_remark_says_what_it_is_about(string? remark, string message)
    {
        var act = () => Validate(Signed(), ValidationVerdict.Remark, remark);

        act.Should().Throw<DomainException>().WithMessage(message);
    }

    [Fact]
    public void An_unknown_verdict_or_an_overlong_remark_is_refused()
    {
        ((Action)(() => Validate(Signed(), (ValidationVerdict)9))).Should().Throw<DomainException>();
        ((Action)(() => Validate(Signed(), ValidationVerdict.Remark, new string('x', PrescriptionValidation.RemarkMaxLength + 1))))
            .Should().Throw<DomainException>().WithMessage("La remarque ne dépasse pas 1000 caractères.");
    }
}
