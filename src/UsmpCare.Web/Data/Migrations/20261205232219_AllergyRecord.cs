using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AllergyRecord : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "allergy_record",
                schema: "core",
                table: "patients",
                type: "jsonb",
                nullable: false,
                defaultValue: """{"entries":[],"none_known_stated_by":null,"none_known_stated_at":null}""");

            // Issue #20, data migration: each allergy string of the first version becomes an entry (kind « Other »,
            // reaction « non précisée », severity unknown), recorded « reprise de l'ancien dossier » at the migration's
            // time; an empty list becomes « non renseignées », never « aucune allergie connue ».
            migrationBuilder.Sql("""
                UPDATE core.patients p
                SET allergy_record = jsonb_build_object(
                    'entries', (SELECT jsonb_agg(jsonb_build_object(
                        'number', a.n, 'kind', 'Other', 'substance', btrim(a.substance), 'substance_code', NULL,
                        'reaction', 'non précisée', 'severity', 'Unknown', 'recorded_by', 'reprise de l''ancien dossier',
                        'recorded_at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"+00:00"'),
                        'withdrawal_reason', NULL, 'withdrawn_by', NULL, 'withdrawn_at', NULL) ORDER BY a.n)
                        FROM unnest(p.allergies) WITH ORDINALITY AS a(substance, n)),
                    'none_known_stated_by', NULL, 'none_known_stated_at', NULL)
                WHERE cardinality(p.allergies) > 0;
                """);

            migrationBuilder.DropColumn(
                name: "allergies",
                schema: "core",
                table: "patients");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "allergy_record",
                schema: "core",
                table: "patients");

            migrationBuilder.AddColumn<List<string>>(
                name: "allergies",
                schema: "core",
                table: "patients",
                type: "text[]",
                nullable: false);
        }
    }
}
