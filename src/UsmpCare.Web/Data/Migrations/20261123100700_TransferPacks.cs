using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class TransferPacks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transfer_packs",
                schema: "continuity",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    patient_id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    receiving_patient_id = table.Column<Guid>(type: "uuid", nullable: true),
                    destination = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    pack = table.Column<byte[]>(type: "bytea", nullable: false),
                    cover = table.Column<byte[]>(type: "bytea", nullable: false),
                    sent_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sent_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    acknowledged_by_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transfer_packs", x => x.id);
                    table.ForeignKey(
                        name: "fk_transfer_packs_patients_patient_id",
                        column: x => x.patient_id,
                        principalSchema: "core",
                        principalTable: "patients",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_transfer_packs_patient_id",
                schema: "continuity",
                table: "transfer_packs",
                column: "patient_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_packs_to_unit_id",
                schema: "continuity",
                table: "transfer_packs",
                column: "to_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_transfer_packs_unit_id",
                schema: "continuity",
                table: "transfer_packs",
                column: "unit_id");
            migrationBuilder.Sql("""
                CREATE TRIGGER transfer_packs_no_delete BEFORE DELETE ON continuity.transfer_packs
                    FOR EACH ROW EXECUTE FUNCTION core.forbid_delete();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transfer_packs",
                schema: "continuity");
        }
    }
}
