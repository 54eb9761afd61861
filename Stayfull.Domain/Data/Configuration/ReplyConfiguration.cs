using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Replies;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class KnowledgeBaseEntryConfiguration : IEntityTypeConfiguration<KnowledgeBaseEntry>
{
    public void Configure(EntityTypeBuilder<KnowledgeBaseEntry> builder)
    {
        builder.Property(e => e.Title).HasMaxLength(KnowledgeBaseEntry.TitleMaxLength);
        builder.Property(e => e.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Phrasings).HasMaxLength(KnowledgeBaseEntry.PhrasingsMaxLength);
        builder.Property(e => e.Answer).HasMaxLength(KnowledgeBaseEntry.AnswerMaxLength);
        builder.Property(e => e.UpdatedBy).HasMaxLength(200);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasIndex(e => e.HotelId);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(e => e.HotelId);
        builder.Ignore(e => e.Values);
        builder.Ignore(e => e.PhrasingList);
    }
}

internal sealed class ReplySettingsConfiguration : IEntityTypeConfiguration<ReplySettings>
{
    public void Configure(EntityTypeBuilder<ReplySettings> builder)
    {
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.HotelId).IsUnique();
        builder.HasOne<Hotel>().WithMany().HasForeignKey(r => r.HotelId);
        builder.Ignore(r => r.Values);
    }
}

internal sealed class AutomaticReplyConfiguration : IEntityTypeConfiguration<AutomaticReply>
{
    public void Configure(EntityTypeBuilder<AutomaticReply> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);

        // One automatic answer per guest message: the database itself refuses a second.
        builder.HasIndex(a => a.InboundMessageId).IsUnique();
        builder.HasIndex(a => a.HotelId);
        builder.HasOne<Hotel>().WithMany().HasForeignKey(a => a.HotelId);
        builder.HasOne<GuestMessage>().WithMany().HasForeignKey(a => a.InboundMessageId).OnDelete(DeleteBehavior.Restrict);
    }
}
