"""Questionnaire templates are kept in the admin: a template per department
(or the default), its questions in Swedish and English."""

from django.contrib import admin

from rekryt.references.models import QuestionnaireTemplate, TemplateQuestion


class QuestionInline(admin.TabularInline):
    model = TemplateQuestion
    extra = 1


@admin.register(QuestionnaireTemplate)
class QuestionnaireTemplateAdmin(admin.ModelAdmin):
    list_display = ["name_sv", "name_en", "department", "rate_scorecard"]
    inlines = [QuestionInline]
