using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Rooms;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class CompetitorConfiguration : IEntityTypeConfiguration<Competitor>
{
    public void Configure(EntityTypeBuilder<Competitor> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.ExternalId).HasMaxLength(100);
        builder.HasIndex(c => new { c.HotelId, c.ExternalId }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(c => c.HotelId);
    }
}

internal sealed class CompetitorRoomMatchConfiguration : IEntityTypeConfiguration<CompetitorRoomMatch>
{
    public void Configure(EntityTypeBuilder<CompetitorRoomMatch> builder)
    {
        builder.Property(m => m.Category).HasMaxLength(100);
        builder.HasIndex(m => new { m.HotelId, m.CompetitorId, m.Category }).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(m => m.HotelId);
        builder.HasOne<Competitor>().WithMany().HasForeignKey(m => m.CompetitorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<RoomType>().WithMany().HasForeignKey(m => m.RoomTypeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CompetitorRateConfiguration : IEntityTypeConfiguration<CompetitorRate>
{
    public void Configure(EntityTypeBuilder<CompetitorRate> builder)
    {
        builder.Property(r => r.Category).HasMaxLength(100);
        builder.Property(r => r.Currency).HasMaxLength(3);
        builder.HasIndex(r => new { r.HotelId, r.CompetitorId, r.Date, r.Category }).IsUnique();
        builder.HasIndex(r => new { r.HotelId, r.Date });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
        builder.HasOne<Competitor>().WithMany().HasForeignKey(r => r.CompetitorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompetitorRateChangeConfiguration : IEntityTypeConfiguration<CompetitorRateChange>
{
    public void Configure(EntityTypeBuilder<CompetitorRateChange> builder)
    {
        builder.Property(r => r.Category).HasMaxLength(100);
        builder.HasIndex(r => new { r.HotelId, r.Date, r.CompetitorId });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
        builder.HasOne<Competitor>().WithMany().HasForeignKey(r => r.CompetitorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DemandEventConfiguration : IEntityTypeConfiguration<DemandEvent>
{
    public void Configure(EntityTypeBuilder<DemandEvent> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.ExpectedUplift).HasPrecision(9, 4);
        builder.HasIndex(e => new { e.HotelId, e.From });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(e => e.HotelId);
    }
}

internal sealed class RoomTypePricingConfiguration : IEntityTypeConfiguration<RoomTypePricing>
{
    public void Configure(EntityTypeBuilder<RoomTypePricing> builder)
    {
        builder.HasKey(p => p.RoomTypeId);
        builder.Property(p => p.MaxDailyChange).HasPrecision(9, 4);
        builder.Property(p => p.AutopilotMaxChange).HasPrecision(9, 4);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Guardrails);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(p => p.HotelId);
        builder.HasOne<RoomType>().WithOne().HasForeignKey<RoomTypePricing>(p => p.RoomTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotelPricingSettingsConfiguration : IEntityTypeConfiguration<HotelPricingSettings>
{
    public void Configure(EntityTypeBuilder<HotelPricingSettings> builder)
    {
        builder.HasKey(p => p.HotelId);
        builder.Property(p => p.WeightsJson).HasMaxLength(4000);
        builder.Property(p => p.UndercutThreshold).HasPrecision(9, 4);
        builder.Property(p => p.PaceThreshold).HasPrecision(9, 4);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Weights);
        builder.HasOne<Hotel>().WithOne().HasForeignKey<HotelPricingSettings>(p => p.HotelId);
    }
}

internal sealed class PricingRecommendationConfiguration : IEntityTypeConfiguration<PricingRecommendation>
{
    public void Configure(EntityTypeBuilder<PricingRecommendation> builder)
    {
        builder.Property(r => r.Explanation).HasMaxLength(500);
        builder.Property(r => r.FactorsJson).HasMaxLength(4000);
        builder.Property(r => r.DecidedBy).HasMaxLength(200);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Ignore(r => r.Change);
        builder.Ignore(r => r.Factors);
        builder.HasIndex(r => new { r.HotelId, r.RoomTypeId, r.Date }).IsUnique();
        builder.HasIndex(r => new { r.HotelId, r.Status, r.Date });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
        builder.HasOne<RoomType>().WithMany().HasForeignKey(r => r.RoomTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RateAlertConfiguration : IEntityTypeConfiguration<RateAlert>
{
    public void Configure(EntityTypeBuilder<RateAlert> builder)
    {
        builder.Property(a => a.Message).HasMaxLength(500);
        builder.Property(a => a.AcknowledgedBy).HasMaxLength(200);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.IsOpen);
        builder.HasIndex(a => new { a.HotelId, a.Kind, a.RoomTypeId, a.Date });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(a => a.HotelId);
        builder.HasOne<RoomType>().WithMany().HasForeignKey(a => a.RoomTypeId).OnDelete(DeleteBehavior.Cascade);
    }
}
