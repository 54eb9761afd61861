using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Audit;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class GuestConfiguration : IEntityTypeConfiguration<Guest>
{
    public void Configure(EntityTypeBuilder<Guest> builder)
    {
        builder.Property(g => g.FullName).HasMaxLength(200);
        builder.Property(g => g.Email).HasMaxLength(256);
        builder.Property(g => g.Phone).HasMaxLength(32);
        builder.Property(g => g.SmsNumber).HasMaxLength(16);
        builder.Property(g => g.EmailBounceReason).HasMaxLength(500);
        builder.HasIndex(g => new { g.HotelId, g.FullName });
        builder.HasIndex(g => new { g.HotelId, g.SmsNumber });
        builder.Ignore(g => g.IsEmailBad);
        builder.Ignore(g => g.HasOptedOutOfSms);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(g => g.HotelId);
    }
}

internal sealed class ReservationEntityConfiguration : IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<Reservation> builder)
    {
        builder.Property(r => r.ConfirmationCode).HasMaxLength(16);
        builder.Property(r => r.OverrideReason).HasMaxLength(500);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.HotelId, r.ConfirmationCode }).IsUnique();
        builder.HasIndex(r => new { r.HotelId, r.Arrival });
        builder.HasIndex(r => new { r.HotelId, r.Departure });
        builder.HasIndex(r => new { r.HotelId, r.RoomId });
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
        builder.HasOne<Guest>().WithMany().HasForeignKey(r => r.GuestId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoomType>().WithMany().HasForeignKey(r => r.RoomTypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RatePlan>().WithMany().HasForeignKey(r => r.RatePlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Room>().WithMany().HasForeignKey(r => r.RoomId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.Stay);
        builder.Ignore(r => r.Nights);
    }
}

internal sealed class FolioEntryConfiguration : IEntityTypeConfiguration<FolioEntry>
{
    public void Configure(EntityTypeBuilder<FolioEntry> builder)
    {
        builder.Property(e => e.Description).HasMaxLength(200);
        builder.Property(e => e.Currency).HasMaxLength(3).IsFixedLength();
        builder.Property(e => e.PostedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.HotelId, e.ReservationId });
        builder.HasIndex(e => new { e.HotelId, e.ServiceDate });
        builder.Property(e => e.ExternalId).HasMaxLength(100);
        // NULLs never collide (SQL Server gets an IS NOT NULL filter by convention): only provider facts are unique.
        builder.HasIndex(e => new { e.HotelId, e.ExternalId }).IsUnique();
        builder.HasOne<Reservation>().WithMany().HasForeignKey(e => e.ReservationId);
        builder.Ignore(e => e.SignedAmountMinor);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.EntityType).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Details).HasMaxLength(2000);
        builder.HasIndex(e => new { e.HotelId, e.EntityId });
        builder.HasIndex(e => new { e.HotelId, e.At });
    }
}
