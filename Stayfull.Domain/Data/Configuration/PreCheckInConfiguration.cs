using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.CheckIn;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Reservations;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class PreCheckInConfiguration : IEntityTypeConfiguration<PreCheckIn>
{
    public void Configure(EntityTypeBuilder<PreCheckIn> builder)
    {
        builder.HasOne<Hotel>().WithMany().HasForeignKey(p => p.HotelId);
        builder.HasOne<Reservation>().WithMany().HasForeignKey(p => p.ReservationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.HotelId, p.ReservationId }).IsUnique(); // one check-in per reservation
        builder.Property(p => p.Version).IsConcurrencyToken();
        foreach (var by in new[] { nameof(PreCheckIn.StayConfirmedBy), nameof(PreCheckIn.DetailsSavedBy), nameof(PreCheckIn.TermsAcceptedBy), nameof(PreCheckIn.PaymentCompletedBy) })
        {
            builder.Property<string?>(by).HasMaxLength(200);
        }

        builder.Property(p => p.FullName).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(32);
        builder.Property(p => p.Street).HasMaxLength(200);
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.PostalCode).HasMaxLength(20);
        builder.Property(p => p.Country).HasMaxLength(100);
        builder.Property(p => p.Nationality).HasMaxLength(2);
        builder.Property(p => p.DocumentType).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.DocumentNumber).HasMaxLength(20);
        builder.Property(p => p.SpecialRequests).HasMaxLength(GuestDetails.MaxSpecialRequestsLength);
        builder.Property(p => p.PolicyVersion).HasMaxLength(40);
        builder.Property(p => p.SignatureText).HasMaxLength(GuestCheckInService.MaxSignatureTextLength);
        builder.Property(p => p.SignatureImage).HasMaxLength(PreCheckIn.MaxSignatureImageLength);
        builder.Property(p => p.AcceptedFromIp).HasMaxLength(64);
        builder.Ignore(p => p.IsComplete);
        builder.Ignore(p => p.Next);
    }
}
