"""Pools and their questions are set up in the admin: kind, names in Swedish
and English, the public address, the owner, the answer and review periods."""

from django.contrib import admin

from rekryt.talentpool.models import Pool, PoolQuestion


class PoolQuestionInline(admin.TabularInline):
    model = PoolQuestion
    fields = ["question", "order", "must_have"]
    extra = 1


@admin.register(Pool)
class PoolAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "kind", "department", "owner", "public"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [PoolQuestionInline]
