{{/*
The chart's name, or nameOverride.
*/}}
{{- define "runtime-monitor.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The full name of the release's resources: fullnameOverride, or release-chart (the
release name alone when it already contains the chart name). At most 63 characters,
the limit of a DNS label.
*/}}
{{- define "runtime-monitor.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "runtime-monitor.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Labels of every resource.
*/}}
{{- define "runtime-monitor.labels" -}}
helm.sh/chart: {{ include "runtime-monitor.chart" . }}
{{ include "runtime-monitor.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | trunc 63 | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Labels that select the release's pods. They never change after install: a Deployment's
selector is immutable.
*/}}
{{- define "runtime-monitor.selectorLabels" -}}
app.kubernetes.io/name: {{ include "runtime-monitor.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The service account the pods run as.
*/}}
{{- define "runtime-monitor.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "runtime-monitor.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
The image: repository with the digest when given, else the tag (appVersion by default).
*/}}
{{- define "runtime-monitor.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
{{- end }}

{{/*
The container port that serves /health and /metrics. Numeric on purpose: probes on a
named port are not understood by every runtime (podman kube play reads them as 0).
*/}}
{{- define "runtime-monitor.managementContainerPort" -}}
{{- if .Values.management.separatePort }}
{{- .Values.management.port }}
{{- else }}
{{- .Values.containerPort }}
{{- end }}
{{- end }}

{{/*
The service port that serves /health and /metrics, and its name.
*/}}
{{- define "runtime-monitor.managementServicePort" -}}
{{- if .Values.management.separatePort }}
{{- .Values.management.port }}
{{- else }}
{{- .Values.service.port }}
{{- end }}
{{- end }}

{{- define "runtime-monitor.managementPortName" -}}
{{- if .Values.management.separatePort }}management{{ else }}http{{ end }}
{{- end }}

{{/*
Copies the entries of "from" that are set (not null) into the map "into". Whole numbers
become integers: values files give every number as a float, which toYaml would write
as 1e+06, and Spring does not read that as a whole number.
*/}}
{{- define "runtime-monitor.copySetEntries" -}}
{{- $into := .into }}
{{- range $key, $value := .from }}
{{- if and (kindIs "float64" $value) (eq $value (floor $value)) }}
{{- $_ := set $into $key (int64 $value) }}
{{- else if not (kindIs "invalid" $value) }}
{{- $_ := set $into $key $value }}
{{- end }}
{{- end }}
{{- end }}

{{/*
The application.yml the chart gives the service: ports, graceful shutdown and every
runtime-monitor.* value that is set, with extraConfig merged over it. A value left
empty is not rendered, so the application's own default applies.
*/}}
{{- define "runtime-monitor.applicationConfig" -}}
{{- $values := .Values.runtimeMonitor }}
{{- $monitor := dict }}
{{- $top := dict "enabled" $values.enabled "interval" $values.interval "window" $values.window "deadlock-interval" $values.deadlockInterval "critical-reminder" $values.criticalReminder "gc-events" $values.gcEvents "history-size" $values.historySize "thread-states" $values.threadStates "process-cpu" $values.processCpu }}
{{- include "runtime-monitor.copySetEntries" (dict "from" $top "into" $monitor) }}
{{- $checks := dict }}
{{- range $check, $settings := $values.checks }}
{{- $set := dict }}
{{- include "runtime-monitor.copySetEntries" (dict "from" $settings "into" $set) }}
{{- if $set }}
{{- $_ := set $checks $check $set }}
{{- end }}
{{- end }}
{{- if $checks }}
{{- $_ := set $monitor "checks" $checks }}
{{- end }}
{{- $evidenceValues := default dict $values.evidence }}
{{- $evidence := dict }}
{{- include "runtime-monitor.copySetEntries" (dict "from" (dict "enabled" $evidenceValues.enabled "keep-for" $evidenceValues.keepFor "repeat-after" $evidenceValues.repeatAfter) "into" $evidence) }}
{{- $kinds := dict "deadlocks" $evidenceValues.deadlocks "thread-groups" $evidenceValues.threadGroups "class-histogram" $evidenceValues.classHistogram "gc-pauses" $evidenceValues.gcPauses "native-memory" $evidenceValues.nativeMemory }}
{{- range $kind, $settings := $kinds }}
{{- $kindValues := default dict $settings }}
{{- $set := dict }}
{{- include "runtime-monitor.copySetEntries" (dict "from" (dict "enabled" $kindValues.enabled "min-interval" $kindValues.minInterval) "into" $set) }}
{{- if $set }}
{{- $_ := set $evidence $kind $set }}
{{- end }}
{{- end }}
{{- if $evidence }}
{{- $_ := set $monitor "evidence" $evidence }}
{{- end }}
{{- $config := dict "server" (dict "port" (int64 .Values.containerPort) "shutdown" "graceful") }}
{{- $_ := set $config "spring" (dict "lifecycle" (dict "timeout-per-shutdown-phase" (printf "%ds" (int64 .Values.shutdownPhaseTimeoutSeconds)))) }}
{{- if .Values.management.separatePort }}
{{- $_ := set $config "management" (dict "server" (dict "port" (int64 .Values.management.port))) }}
{{- end }}
{{- if $monitor }}
{{- $_ := set $config "runtime-monitor" $monitor }}
{{- end }}
{{- toYaml (mustMergeOverwrite $config (deepCopy .Values.extraConfig)) }}
{{- end }}
