using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class P36ParentalAuthority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "accompanying_adult",
                schema: "consent",
                table: "consent_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "holder_name",
                schema: "consent",
                table: "consent_entries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "holder_quality",
                schema: "consent",
                table: "consent_entries",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "holder_reached_on",
                schema: "consent",
                table: "consent_entries",
                type: "date",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "accompanying_adult",
                schema: "consent",
                table: "consent_entries");

            migrationBuilder.DropColumn(
                name: "holder_name",
                schema: "consent",
                table: "consent_entries");

            migrationBuilder.DropColumn(
                name: "holder_quality",
                schema: "consent",
                table: "consent_entries");

            migrationBuilder.DropColumn(
                name: "holder_reached_on",
                schema: "consent",
                table: "consent_entries");
        }
    }
}
