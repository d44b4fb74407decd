using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class EscortPlaces : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "escort_places",
                schema: "continuity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_escort_places", x => x.id);
                    table.ForeignKey(
                        name: "fk_escort_places_units_unit_id",
                        column: x => x.unit_id,
                        principalSchema: "core",
                        principalTable: "units",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_escort_places_unit_id_name",
                schema: "continuity",
                table: "escort_places",
                columns: new[] { "unit_id", "name" },
                unique: true);

            migrationBuilder.AlterColumn<string>(
                name: "medical_reason",
                schema: "continuity",
                table: "external_appointments",
                type: "character varying(1400)",
                maxLength: 1400,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(1000)",
                oldMaxLength: 1000);

            migrationBuilder.AddColumn<Guid>(
                name: "place_id",
                schema: "continuity",
                table: "external_appointments",
                type: "uuid",
                nullable: true);

            // Appointments typed before the list: one « Lieu à préciser » per unit that has some, and the typed
            // destination (it may name a service or a specialty) moves into the medical reason, which the AP never
            // reads — nothing is lost, nothing medical stays where the AP looks. A place is retired, never deleted.
            migrationBuilder.Sql("""
                INSERT INTO continuity.escort_places (id, unit_id, kind, name, is_active)
                SELECT gen_random_uuid(), unit_id, 'Other', 'Lieu à préciser', true
                FROM continuity.external_appointments GROUP BY unit_id;
                UPDATE continuity.external_appointments AS a
                SET place_id = p.id,
                    medical_reason = 'Destination saisie avant la liste des lieux : ' || a.destination
                        || CASE WHEN a.medical_reason = '' THEN '' ELSE ' — ' || a.medical_reason END
                FROM continuity.escort_places AS p
                WHERE p.unit_id = a.unit_id AND p.name = 'Lieu à préciser';
                CREATE TRIGGER escort_places_no_delete BEFORE DELETE ON continuity.escort_places
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                """);

            migrationBuilder.DropColumn(
                name: "destination",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.AlterColumn<Guid>(
                name: "place_id",
                schema: "continuity",
                table: "external_appointments",
                type: "uuid",
                nullable: false,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_external_appointments_place_id",
                schema: "continuity",
                table: "external_appointments",
                column: "place_id");

            migrationBuilder.AddForeignKey(
                name: "fk_external_appointments_escort_places_place_id",
                schema: "continuity",
                table: "external_appointments",
                column: "place_id",
                principalSchema: "continuity",
                principalTable: "escort_places",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_external_appointments_escort_places_place_id",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.AddColumn<string>(
                name: "destination",
                schema: "continuity",
                table: "external_appointments",
                type: "character varying(300)",
                maxLength: 300,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql("""
                UPDATE continuity.external_appointments AS a SET destination = p.name
                FROM continuity.escort_places AS p WHERE p.id = a.place_id;
                """);

            migrationBuilder.DropIndex(
                name: "ix_external_appointments_place_id",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.DropColumn(
                name: "place_id",
                schema: "continuity",
                table: "external_appointments");

            migrationBuilder.DropTable(
                name: "escort_places",
                schema: "continuity");
        }
    }
}
