using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.Climate;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class ClimateSettingsConfiguration : IEntityTypeConfiguration<ClimateSettings>
{
    public void Configure(EntityTypeBuilder<ClimateSettings> builder)
    {
        builder.Property(c => c.ComfortHeatingCelsius).HasPrecision(4, 1);
        builder.Property(c => c.ComfortCoolingCelsius).HasPrecision(4, 1);
        builder.Property(c => c.EcoHeatingCelsius).HasPrecision(4, 1);
        builder.Property(c => c.EcoCoolingCelsius).HasPrecision(4, 1);
        builder.Property(c => c.EcoSavingKilowatts).HasPrecision(6, 3);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.HotelId).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
        builder.Ignore(c => c.PreConditionLead);
        builder.Ignore(c => c.Values);
    }
}

internal sealed class RoomClimateConfiguration : IEntityTypeConfiguration<RoomClimate>
{
    public void Configure(EntityTypeBuilder<RoomClimate> builder)
    {
        builder.HasKey(c => c.RoomDeviceId);
        builder.Property(c => c.RoomDeviceId).ValueGeneratedNever();
        builder.Property(c => c.RequestedMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.HeatingCelsius).HasPrecision(4, 1);
        builder.Property(c => c.CoolingCelsius).HasPrecision(4, 1);
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.Property(c => c.ActionAttemptId).HasMaxLength(100);
        builder.Property(c => c.LastError).HasMaxLength(500);
        builder.Property(c => c.ReportedMode).HasMaxLength(100);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => c.HotelId);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
        builder.HasOne<RoomDevice>().WithOne().HasForeignKey<RoomClimate>(c => c.RoomDeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(c => c.IsManuallyOverridden);
    }
}

internal sealed class EcoPeriodConfiguration : IEntityTypeConfiguration<EcoPeriod>
{
    public void Configure(EntityTypeBuilder<EcoPeriod> builder)
    {
        builder.HasIndex(p => new { p.HotelId, p.RoomDeviceId, p.EndedAt });
        builder.HasIndex(p => new { p.HotelId, p.StartedAt });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(p => p.HotelId);
        builder.HasOne<RoomDevice>().WithMany().HasForeignKey(p => p.RoomDeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}
