using UsmpCare.Domain.Patients;

namespace UsmpCare.Domain.Tests.Patients;

/// <summary>Issue #20: allergies in three states; « aucune allergie connue » is a statement someone made.</summary>
public sealed class AllergyRecordTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static Allergy Penicillin(AllergyRecord record) =>
        record.Record(AllergenKind.Drug, "Pénicilline", "00123", "urticaire", AllergySeverity.Moderate, "Dr Durand", At);

    [Fact]
    public void A_new_record_is_not_filled_in_which_is_not_none_known()
    {
        var record = new AllergyRecord();
        record.State.Should().Be(AllergyState.NotRecorded);

        record.StateNoneKnown("Dr Durand", At);

        record.State.Should().Be(AllergyState.NoneKnown);
        record.NoneKnownStatedBy.Should().Be("Dr Durand");
        record.NoneKnownStatedAt.Should().Be(At);
    }

    [Fact]
    public void None_known_is_refused_while_an_allergy_is_active_and_accepted_once_it_is_withdrawn()
    {
        var record = new AllergyRecord();
        var allergy = Penicillin(record);
        record.State.Should().Be(AllergyState.Listed);

        var refused = () => record.StateNoneKnown("Dr Durand", At);

        refused.Should().Throw<DomainException>().WithMessage("*allergies actives*");
        record.State.Should().Be(AllergyState.Listed);
        record.Withdraw(allergy.Number, AllergyWithdrawal.Erroneous, "Dr Morel", At.AddDays(1));
        record.StateNoneKnown("Dr Morel", At.AddDays(1));
        record.State.Should().Be(AllergyState.NoneKnown);
    }

    [Fact]
    public void An_allergy_recorded_after_none_known_ends_that_statement()
    {
        var record = new AllergyRecord();
        record.StateNoneKnown("Dr Durand", At);

        Penicillin(record);

        record.State.Should().Be(AllergyState.Listed);
        record.NoneKnownStatedAt.Should().BeNull();
    }

    [Fact]
    public void A_withdrawn_allergy_stays_in_the_record_with_its_reason_and_cannot_be_withdrawn_twice()
    {
        var record = new AllergyRecord();
        var allergy = Penicillin(record);

        record.Withdraw(allergy.Number, AllergyWithdrawal.Resolved, "Dr Morel", At.AddDays(2));

        record.Entries.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            IsActive = false, WithdrawalReason = AllergyWithdrawal.Resolved, WithdrawnBy = "Dr Morel", WithdrawnAt = At.AddDays(2),
            RecordedBy = "Dr Durand", Reaction = "urticaire",
        });
        record.State.Should().Be(AllergyState.NotRecorded, "nobody has stated « aucune » since");
        var again = () => record.Withdraw(allergy.Number, AllergyWithdrawal.Erroneous, "Dr Morel", At.AddDays(3));
        again.Should().Throw<DomainException>().WithMessage("*déjà retirée*");
        var unknown = () => record.Withdraw(42, AllergyWithdrawal.Erroneous, "Dr Morel", At);
        unknown.Should().Throw<DomainException>();
    }

    [Fact]
    public void A_drug_allergen_needs_the_referentials_code_and_free_text_needs_a_substance()
    {
        var record = new AllergyRecord();

        var uncoded = () => record.Record(AllergenKind.Drug, "Pénicilline", null, null, AllergySeverity.Severe, "Dr Durand", At);
        var blank = () => record.Record(AllergenKind.Food, "  ", null, null, AllergySeverity.Severe, "Dr Durand", At);

        uncoded.Should().Throw<DomainException>().WithMessage("*référentiel*");
        blank.Should().Throw<DomainException>().WithMessage("*substance*");
        record.Entries.Should().BeEmpty();
        var latex = record.Record(AllergenKind.Latex, " Latex ", "ignored", "", AllergySeverity.Severe, "Dr Durand", At);
        latex.Should().BeEquivalentTo(new { Substance = "Latex", SubstanceCode = (string?)null, Reaction = AllergyRecord.UnspecifiedReaction });
    }

    [Fact]
    public void The_same_active_allergen_is_not_recorded_twice_whatever_its_accents()
    {
        var record = new AllergyRecord();
        Penicillin(record);

        var twice = () => record.Record(AllergenKind.Other, "PENICILLINE", null, null, AllergySeverity.Mild, "Dr Durand", At);

        twice.Should().Throw<DomainException>().WithMessage("*déjà enregistrée*");
    }

    [Fact]
    public void The_prescribers_check_finds_active_allergies_by_substance_ignoring_accents_case_and_salts()
    {
        var record = new AllergyRecord();
        var amoxicillin = record.Record(AllergenKind.Drug, "Amoxicilline", "01234", null, AllergySeverity.Severe, "Dr Durand", At);
        var codeine = record.Record(AllergenKind.Drug, "Codéine", "05678", null, AllergySeverity.Mild, "Dr Durand", At);
        record.Record(AllergenKind.Food, "Arachide", null, null, AllergySeverity.Severe, "Dr Durand", At);
        record.Withdraw(codeine.Number, AllergyWithdrawal.Erroneous, "Dr Durand", At);

        record.ActiveAllergiesMatching(["AMOXICILLINE TRIHYDRATÉE", "ACIDE CLAVULANIQUE"]).Should().Equal(amoxicillin);
        record.ActiveAllergiesMatching(["CODEINE PHOSPHATE HÉMIHYDRATÉ", "PARACÉTAMOL"]).Should().BeEmpty("a withdrawn allergy no longer counts");
        record.ActiveAllergiesMatching(["AMPICILLINE"]).Should().BeEmpty("a word shared is not enough: all the words of one name");
        record.ActiveAllergiesMatching([]).Should().BeEmpty();
    }

    [Fact]
    public void A_transferred_patients_allergies_are_copied_not_shared()
    {
        var record = new AllergyRecord();
        var allergy = Penicillin(record);

        var copy = record.Copy();
        record.Withdraw(allergy.Number, AllergyWithdrawal.Erroneous, "Dr Morel", At);

        copy.State.Should().Be(AllergyState.Listed);
        copy.Entries.Single().Should().BeEquivalentTo(new { Substance = "Pénicilline", RecordedBy = "Dr Durand", IsActive = true });
    }

    [Fact]
    public void No_property_of_an_allergy_is_publicly_settable()
    {
        new[] { typeof(AllergyRecord), typeof(Allergy) }.SelectMany(t => t.GetProperties())
            .Where(p => p.SetMethod is { IsPublic: true }).Should().BeEmpty();
    }
}
