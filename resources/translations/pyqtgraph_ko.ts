<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
    <context>
        <name>Exporter</name>
        <message>
            <source>separator</source>
            <translation>구분 문자</translation>
        </message>
        <message>
            <source>precision</source>
            <translation>유효 자릿수</translation>
        </message>
        <message>
            <source>columnMode</source>
            <translation>열 배치</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>이름</translation>
        </message>
        <message>
            <source>width</source>
            <translation>너비</translation>
        </message>
        <message>
            <source>height</source>
            <translation>높이</translation>
        </message>
        <message>
            <source>antialias</source>
            <translation>안티에일리어싱</translation>
        </message>
        <message>
            <source>background</source>
            <translation>배경</translation>
        </message>
        <message>
            <source>invertValue</source>
            <translation>값 반전</translation>
        </message>
        <message>
            <source>Print Document</source>
            <translation>문서 인쇄</translation>
        </message>
        <message>
            <source>scaling stroke</source>
            <translation>선 굵기도 확대·축소</translation>
        </message>
        <message>
            <source>CSV of original plot data</source>
            <translation>원래 그래프 데이터 (CSV)</translation>
        </message>
        <message>
            <source>HDF5 Export: plot (x,y)</source>
            <translation>HDF5 내보내기: 그래프 (x,y)</translation>
        </message>
        <message>
            <source>Image File (PNG, TIF, JPG, ...)</source>
            <translation>이미지 파일 (PNG, TIF, JPG, ...)</translation>
        </message>
        <message>
            <source>Matplotlib Window</source>
            <translation>Matplotlib 창</translation>
        </message>
        <message>
            <source>Scalable Vector Graphics (SVG)</source>
            <translation>벡터 그림 (SVG)</translation>
        </message>
        <message>
            <source>Scalable Vector Graphics</source>
            <translation>SVG 벡터 그림</translation>
        </message>
    </context>
    <context>
        <name>Form</name>
        <message>
            <source>Export</source>
            <translation>내보내기</translation>
        </message>
        <message>
            <source>Item to export:</source>
            <translation>내보낼 항목:</translation>
        </message>
        <message>
            <source>Export format</source>
            <translation>내보내기 형식</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>닫기</translation>
        </message>
        <message>
            <source>Export options</source>
            <translation>내보내기 설정</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>복사</translation>
        </message>
        <message>
            <source>PyQtGraph</source>
            <translation>PyQtGraph</translation>
        </message>
        <message>
            <source>Display averages of the curves displayed in this plot. The parameter list allows you to choose parameters to average over (if any are available).</source>
            <translation>이 그래프에 있는 곡선들의 평균을 보여 줍니다. 매개변수가 있으면 목록에서 평균을 낼 매개변수를 고를 수 있습니다.</translation>
        </message>
        <message>
            <source>Average</source>
            <translation>평균</translation>
        </message>
        <message>
            <source>Plot only the portion of each curve that is visible. This assumes X values are uniformly spaced.</source>
            <translation>곡선마다 화면에 보이는 부분만 그립니다. X 값의 간격이 고르다고 가정합니다.</translation>
        </message>
        <message>
            <source>Clip to View</source>
            <translation>보이는 부분만 그리기</translation>
        </message>
        <message>
            <source>If multiple curves are displayed in this plot, check this box to limit the number of traces that are displayed.</source>
            <translation>이 그래프에 곡선이 여러 개일 때, 이 칸을 선택하면 표시되는 곡선의 수를 제한합니다.</translation>
        </message>
        <message>
            <source>Max Traces:</source>
            <translation>최대 곡선 수:</translation>
        </message>
        <message>
            <source>Downsample</source>
            <translation>다운샘플링</translation>
        </message>
        <message>
            <source>Downsample by drawing a saw wave that follows the min and max of the original data. This method produces the best visual representation of the data but is slower.</source>
            <translation>원래 데이터의 최솟값과 최댓값을 따라가는 톱니 모양 선을 그려 다운샘플링합니다. 데이터가 가장 정확하게 보이지만 더 느립니다.</translation>
        </message>
        <message>
            <source>Peak</source>
            <translation>최솟값·최댓값</translation>
        </message>
        <message>
            <source>If multiple curves are displayed in this plot, check "Max Traces" and set this value to limit the number of traces that are displayed.</source>
            <translation>이 그래프에 곡선이 여러 개일 때, "최대 곡선 수"를 선택하고 이 값을 정하면 표시되는 곡선의 수가 제한됩니다.</translation>
        </message>
        <message>
            <source>If MaxTraces is checked, remove curves from memory after they are hidden (saves memory, but traces can not be un-hidden).</source>
            <translation>"최대 곡선 수"가 선택되어 있으면, 숨겨진 곡선을 메모리에서 지웁니다(메모리는 아끼지만 숨긴 곡선을 다시 보이게 할 수 없습니다).</translation>
        </message>
        <message>
            <source>Forget hidden traces</source>
            <translation>숨긴 곡선 지우기</translation>
        </message>
        <message>
            <source>Downsample by taking the mean of N samples.</source>
            <translation>샘플 N개의 평균을 하나로 삼아 다운샘플링합니다.</translation>
        </message>
        <message>
            <source>Mean</source>
            <translation>평균</translation>
        </message>
        <message>
            <source>Downsample by taking the first of N samples. This method is fastest and least accurate.</source>
            <translation>샘플 N개 중 첫 번째만 남겨 다운샘플링합니다. 가장 빠르지만 가장 부정확합니다.</translation>
        </message>
        <message>
            <source>Subsample</source>
            <translation>건너뛰기</translation>
        </message>
        <message>
            <source>Automatically downsample data based on the visible range. This assumes X values are uniformly spaced.</source>
            <translation>보이는 범위에 맞춰 데이터를 자동으로 다운샘플링합니다. X 값의 간격이 고르다고 가정합니다.</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>자동</translation>
        </message>
        <message>
            <source>Downsample data before plotting. (plot every Nth sample)</source>
            <translation>그리기 전에 데이터를 다운샘플링합니다(N번째 샘플마다 하나씩 그림).</translation>
        </message>
        <message>
            <source>x</source>
            <translation>배</translation>
        </message>
        <message>
            <source>Log X</source>
            <translation>로그 X</translation>
        </message>
        <message>
            <source>dy/dx</source>
            <translation>dy/dx</translation>
        </message>
        <message>
            <source>Y vs. Y'</source>
            <translation>Y 대 Y'</translation>
        </message>
        <message>
            <source>Power Spectrum (FFT)</source>
            <translation>파워 스펙트럼 (FFT)</translation>
        </message>
        <message>
            <source>Log Y</source>
            <translation>로그 Y</translation>
        </message>
        <message>
            <source>Subtract Mean</source>
            <translation>평균 빼기</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>점</translation>
        </message>
        <message>
            <source>Show X Grid</source>
            <translation>X 격자 표시</translation>
        </message>
        <message>
            <source>Show Y Grid</source>
            <translation>Y 격자 표시</translation>
        </message>
        <message>
            <source>Opacity</source>
            <translation>불투명도</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>투명도</translation>
        </message>
        <message>
            <source>Link Axis:</source>
            <translation>축 연결:</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Links this axis with another view. When linked, both views will display the same data range.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축을 다른 그래프의 축과 연결합니다. 연결하면 두 그래프가 같은 데이터 범위를 보여 줍니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Percent of data to be visible when auto-scaling. It may be useful to decrease this value for data with spiky noise.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;자동 범위 조정 때 화면에 들어올 데이터의 비율(%)입니다. 뾰족하게 튀는 잡음이 있는 데이터라면 이 값을 줄이는 것이 좋습니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>%</source>
            <translation>%</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Automatically resize this axis whenever the displayed data is changed.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;표시된 데이터가 바뀔 때마다 이 축의 범위를 자동으로 맞춥니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Set the range for this axis manually. This disables automatic scaling. &lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축의 범위를 직접 정합니다. 자동 범위 조정은 꺼집니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Manual</source>
            <translation>수동</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Minimum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에 표시할 최솟값입니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>0</source>
            <translation>0</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Maximum value to display for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에 표시할 최댓값입니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Inverts the display of this axis. (+y points downward instead of upward)&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축을 뒤집어 표시합니다(+y가 위가 아니라 아래를 향합니다).&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Invert Axis</source>
            <translation>축 뒤집기</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;Enables mouse interaction (panning, scaling) for this axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;이 축에서 마우스 조작(끌어서 이동, 확대·축소)을 켭니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Mouse Enabled</source>
            <translation>마우스 사용</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will only auto-scale to data that is visible along the orthogonal axis.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;선택하면, 다른 축 방향으로 보이는 데이터에만 맞춰 이 축의 범위를 자동 조정합니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Visible Data Only</source>
            <translation>보이는 데이터만</translation>
        </message>
        <message>
            <source>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;When checked, the axis will automatically pan to center on the current data, but the scale along this axis will not change.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</source>
            <translation>&lt;html&gt;&lt;head/&gt;&lt;body&gt;&lt;p&gt;선택하면, 현재 데이터가 가운데 오도록 축이 자동으로 이동하지만 이 축의 배율은 바뀌지 않습니다.&lt;/p&gt;&lt;/body&gt;&lt;/html&gt;</translation>
        </message>
        <message>
            <source>Auto Pan Only</source>
            <translation>자동 이동만</translation>
        </message>
    </context>
    <context>
        <name>GraphicsScene</name>
        <message>
            <source>Export...</source>
            <translation>내보내기...</translation>
        </message>
    </context>
    <context>
        <name>PlotItem</name>
        <message>
            <source>Transforms</source>
            <translation>변환</translation>
        </message>
        <message>
            <source>Downsample</source>
            <translation>다운샘플링</translation>
        </message>
        <message>
            <source>Average</source>
            <translation>평균</translation>
        </message>
        <message>
            <source>Alpha</source>
            <translation>투명도</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>격자</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>점</translation>
        </message>
        <message>
            <source>Plot Options</source>
            <translation>그래프 옵션</translation>
        </message>
    </context>
    <context>
        <name>ViewBox</name>
        <message>
            <source>ViewBox options</source>
            <translation>보기 영역 옵션</translation>
        </message>
        <message>
            <source>View All</source>
            <translation>전체 보기</translation>
        </message>
        <message>
            <source>Mouse Mode</source>
            <translation>마우스 모드</translation>
        </message>
        <message>
            <source>3 button</source>
            <translation>3버튼 (끌어서 이동)</translation>
        </message>
        <message>
            <source>1 button</source>
            <translation>1버튼 (끌어서 영역 확대)</translation>
        </message>
        <message>
            <source>axis</source>
            <translation>축</translation>
        </message>
    </context>
</TS>
